package cn.ydcx.gateway.exchange.ingest;

/** One accepted record on its way from the normaliser to a batch: its keys and its JCS bytes. */
public record SpooledRecord(String recordId, String op, String subjectKey, byte[] jcs) {
}
