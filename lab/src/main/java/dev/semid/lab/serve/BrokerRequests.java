package dev.semid.lab.serve;

import javax.management.JMException;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;

/** Requests the in-process broker has served so far, by type, from its JMX meters. */
final class BrokerRequests {
    private BrokerRequests() {}

    static Map<String, Long> count() {
        Map<String, Long> out = new TreeMap<>();
        try {
            var server = ManagementFactory.getPlatformMBeanServer();
            for (var name : server.queryNames(new ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,*"), null))
                out.merge(name.getKeyProperty("request"), ((Number) server.getAttribute(name, "Count")).longValue(), Long::sum);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
