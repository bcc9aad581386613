package dev.semid.tokenizer.rq;

import ai.djl.ndarray.NDArray;

/**
 * One level of the residual step on a batch: the chosen indices k, the chosen codes c_k (with the
 * codebook's gradient path) and the next residual r − sg(c_k).
 */
public record NdStep(NDArray indices, NDArray chosen, NDArray next) {}
