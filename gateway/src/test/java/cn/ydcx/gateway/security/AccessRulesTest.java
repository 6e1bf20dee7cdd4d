package cn.ydcx.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ydcx.gateway.model.NodeCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessRulesTest {

    @ParameterizedTest(name = "at {0}: {1} {2} {3} -> {4}")
    @CsvSource({
        // node certificates: deliver and query, nothing of an office's or auditor's
        "JS, SH,        POST, /api/v1/exchange/batches,            true",
        "JS, REGION,    POST, /api/v1/exchange/batches,            true",
        "JS, SH,        GET,  /api/v1/records,                     true",
        "JS, SH,        GET,  /api/v1/records/summary,             true",
        "JS, SH,        POST, /api/v1/ingest/penalty,              false",
        "JS, SH,        GET,  /api/v1/exchange/refused,            false",
        "JS, SH,        GET,  /api/v1/exchange/batches/b1,         false",
        "JS, SH,        GET,  /api/v1/audit/checkpoint,            true",
        "JS, SH,        GET,  /api/v1/audit/proof/consistency,     true",
        "JS, SH,        GET,  /api/v1/audit/entries/3,             false",
        // a node's own office: ingest, query, sender-side status; another node's office: nothing
        "JS, office-JS, POST, /api/v1/ingest/penalty,              true",
        "JS, office-JS, GET,  /api/v1/records,                     true",
        "JS, office-JS, GET,  /api/v1/exchange/batches/b1,         true",
        "JS, office-JS, GET,  /api/v1/exchange/batches/b1/document, true",
        "JS, office-JS, POST, /api/v1/exchange/batches,            false",
        "JS, office-ZJ, POST, /api/v1/ingest/penalty,              false",
        "JS, office-ZJ, GET,  /api/v1/records,                     false",
        "REGION, office-SH, GET, /api/v1/records,                  false",
        // the auditor: audit data, the refused log, batch status, query; never writes
        "JS, auditor,   GET,  /api/v1/audit/entries/0,             true",
        "JS, auditor,   GET,  /api/v1/audit/trace/abc,             true",
        "JS, auditor,   GET,  /api/v1/exchange/refused,            true",
        "JS, auditor,   GET,  /api/v1/exchange/batches/b1,         true",
        "JS, auditor,   GET,  /api/v1/records,                     true",
        "JS, auditor,   POST, /api/v1/exchange/batches,            false",
        "JS, auditor,   POST, /api/v1/ingest/penalty,              false",
        // health and the CRL for any regional certificate; unknown CNs and operations refused
        "JS, office-ZJ, GET,  /actuator/health,                    true",
        "REGION, SH,    GET,  /api/v1/pki/crl/ES256,               true",
        "JS, mallory,   GET,  /actuator/health,                    false",
        "JS, mallory,   GET,  /api/v1/records,                     false",
        "JS, SH,        GET,  /actuator/metrics,                   false",
        "JS, auditor,   GET,  /actuator/metrics,                   true",
        "JS, auditor,   DELETE, /api/v1/records,                   false",
        "JS, SH,        GET,  /api/v1/recordsX,                    false",
        "JS, auditor,   GET,  /api/v1/unknown,                     false",
        "JS, office-JS, POST, /services/CreditExchange,            true",
        "JS, SH,        POST, /services/CreditExchange,            false"
    })
    void table(NodeCode self, String cn, String method, String path, boolean allowed) {
        AccessRules.Decision d = new AccessRules(self).decide(cn, method, path);
        assertThat(d.allowed()).as(String.valueOf(d.reason())).isEqualTo(allowed);
        if (!allowed) {
            assertThat(d.reason()).contains("CN=" + cn).contains(path).contains(method);
        }
    }

    @ParameterizedTest
    @CsvSource({"office-ZJ, its own node", "auditor, node certificates"})
    void refusalsExplainWhoMay(String cn, String hint) {
        AccessRules.Decision d = new AccessRules(NodeCode.JS).decide(cn, "POST", "/api/v1/exchange/batches");
        assertThat(d.allowed()).isFalse();
        assertThat(d.operation()).contains("deliver a batch");
        assertThat(d.reason()).contains(cn.equals("office-ZJ") ? "own node" : hint);
    }

    @org.junit.jupiter.api.Test
    void noCertificateIsRefused() {
        AccessRules.Decision d = new AccessRules(NodeCode.JS).decide(null, "GET", "/actuator/health");
        assertThat(d.allowed()).isFalse();
        assertThat(d.reason()).contains("no client certificate");
    }
}
