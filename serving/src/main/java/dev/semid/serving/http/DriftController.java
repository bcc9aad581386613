package dev.semid.serving.http;

import dev.semid.serving.DriftWatch;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** {@code GET /drift}: how the last streamed items compare with the model's training items. */
@Controller
@Produces(MediaType.APPLICATION_JSON)
class DriftController {
    private final DriftWatch drift;

    DriftController(DriftWatch drift) { this.drift = drift; }

    @Get("/drift")
    @Operation(summary = "Drift of the last semid.drift.window streamed items from the model's training items",
            description = "Per level utilisation and perplexity (beside the training items'), the collision rate of their code tuples,"
                    + " their quantization error over the training items' (null when the model has no reference), the share of new IDs"
                    + " that spilled, the tuples with the fewest dedup tokens left, the thresholds and the alerts raised now.")
    @ApiResponse(responseCode = "200", description = "{\"window\", \"items\", \"levels\", \"collisionRate\", \"quantizationError\", \"spillRate\", \"busiest\", \"alerts\", …}")
    MutableHttpResponse<String> drift() { return JsonResponses.ok(drift.report()); }
}
