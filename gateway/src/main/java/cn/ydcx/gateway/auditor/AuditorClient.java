package cn.ydcx.gateway.auditor;

import cn.ydcx.gateway.client.TlsClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads one node's audit API over mutual TLS with the auditor's certificate. */
public final class AuditorClient {

    private final TlsClient tls;
    private final String baseUrl;

    public AuditorClient(TlsClient tls, String baseUrl) {
        this.tls = tls;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    public JsonNode get(String path) throws Exception {
        TlsClient.Response r = tls.get(baseUrl + path);
        if (r.status() != 200) {
            throw new IllegalStateException(baseUrl + path + " answered HTTP " + r.status() + ": " + r.body());
        }
        return r.json();
    }

    public JsonNode checkpoint() throws Exception {
        return get("/api/v1/audit/checkpoint");
    }

    public List<JsonNode> checkpoints() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        get("/api/v1/audit/checkpoints").forEach(out::add);
        return out;
    }

    public List<JsonNode> entries(long from, long to) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        get("/api/v1/audit/entries?from=" + from + "&to=" + to).forEach(out::add);
        return out;
    }

    public JsonNode trace(String recordId) throws Exception {
        return get("/api/v1/audit/trace/" + recordId);
    }
}
