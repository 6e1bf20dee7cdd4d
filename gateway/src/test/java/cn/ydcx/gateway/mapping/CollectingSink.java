package cn.ydcx.gateway.mapping;

import cn.ydcx.gateway.model.CanonicalRecord;
import java.util.ArrayList;
import java.util.List;

/** Test sink that keeps everything. */
final class CollectingSink implements NormalizeSink {
    final List<CanonicalRecord> records = new ArrayList<>();
    final List<Reject> rejects = new ArrayList<>();

    @Override
    public void record(CanonicalRecord r) {
        records.add(r);
    }

    @Override
    public void reject(Reject r) {
        rejects.add(r);
    }
}
