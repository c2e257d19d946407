package dev.dsverify.raft.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsverify.raft.client.ClientReply;
import dev.dsverify.raft.client.ClientReply.Status;
import dev.dsverify.raft.client.ClientRequest;
import dev.dsverify.raft.kv.KvOp;
import dev.dsverify.raft.kv.KvResult;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientCodecTest {

    private static final List<ClientRequest> REQUESTS = List.of(
            new ClientRequest("c1", 1, 1, new KvOp.Put("k", "v")),
            new ClientRequest("c-ü", 1L << 62, 9, new KvOp.Put("", "")),
            new ClientRequest("c1", 2, 3, new KvOp.Get("k")),
            new ClientRequest("c1", 3, 1, new KvOp.Delete("k")),
            new ClientRequest("c1", 4, 2, new KvOp.Cas("k", "old", "new")));

    private static final List<ClientReply> REPLIES = List.of(
            new ClientReply("c1", 1, 1, Status.OK, null, new KvResult(true, "v")),
            new ClientReply("c1", 2, 1, Status.OK, null, new KvResult(true, null)),
            new ClientReply("c1", 3, 1, Status.OK, null, new KvResult(false, "current")),
            new ClientReply("c1", 4, 2, Status.NOT_LEADER, "n3", null),
            new ClientReply("c1", 4, 3, Status.NOT_LEADER, null, null),
            new ClientReply("c1", 5, 1, Status.RETRY, null, null));

    @Test
    void requestsAndRepliesRoundTrip() throws Exception {
        for (ClientRequest q : REQUESTS) {
            assertThat(ClientCodec.decodeRequest(ClientCodec.encodeRequest(q))).isEqualTo(q);
        }
        for (ClientReply r : REPLIES) {
            assertThat(ClientCodec.decodeReply(ClientCodec.encodeReply(r))).isEqualTo(r);
        }
    }

    @Test
    void truncatedOrExtendedPayloadsAreRejected() {
        for (ClientRequest q : REQUESTS) {
            byte[] full = ClientCodec.encodeRequest(q);
            for (int len = 0; len < full.length; len++) {
                byte[] cut = Arrays.copyOf(full, len);
                assertThatThrownBy(() -> ClientCodec.decodeRequest(cut)).isInstanceOf(BadFrameException.class);
            }
            byte[] longer = Arrays.copyOf(full, full.length + 3);
            assertThatThrownBy(() -> ClientCodec.decodeRequest(longer)).hasMessageContaining("trailing");
        }
        for (ClientReply r : REPLIES) {
            byte[] full = ClientCodec.encodeReply(r);
            for (int len = 0; len < full.length; len++) {
                byte[] cut = Arrays.copyOf(full, len);
                assertThatThrownBy(() -> ClientCodec.decodeReply(cut)).isInstanceOf(BadFrameException.class);
            }
        }
    }

    @Test
    void aPutWithoutValueOrAnUnknownOperationIsRejected() {
        byte[] put = ClientCodec.encodeRequest(new ClientRequest("c", 1, 1, new KvOp.Put("k", "v")));
        // op byte after clientId(4+1) seq(8) attempt(8)
        byte[] unknown = put.clone();
        unknown[4 + 1 + 8 + 8] = 9;
        assertThatThrownBy(() -> ClientCodec.decodeRequest(unknown)).hasMessageContaining("unknown client operation 9");
        byte[] nullValue = Arrays.copyOf(put, put.length - 1 - 4 + 4);
        // replace the value "v" (len 1) by a null string (len -1)
        int valueAt = put.length - 5;
        nullValue[valueAt] = (byte) 0xff;
        nullValue[valueAt + 1] = (byte) 0xff;
        nullValue[valueAt + 2] = (byte) 0xff;
        nullValue[valueAt + 3] = (byte) 0xff;
        assertThatThrownBy(() -> ClientCodec.decodeRequest(Arrays.copyOf(nullValue, valueAt + 4)))
                .hasMessageContaining("value");
    }

    @Test
    void negativeOrHugeSequenceNumbersAndOverlongClientIdsAreRefused() {
        for (long bad : new long[] {-1, Long.MAX_VALUE, Long.MIN_VALUE}) {
            byte[] seq = ClientCodec.encodeRequest(new ClientRequest("c1", bad, 1, new KvOp.Get("k")));
            assertThatThrownBy(() -> ClientCodec.decodeRequest(seq)).hasMessageContaining("field seq: " + bad);
            byte[] attempt = ClientCodec.encodeRequest(new ClientRequest("c1", 1, bad, new KvOp.Get("k")));
            assertThatThrownBy(() -> ClientCodec.decodeRequest(attempt)).hasMessageContaining("field attempt: " + bad);
            byte[] reply = ClientCodec.encodeReply(new ClientReply("c1", bad, 1, Status.RETRY, null, null));
            assertThatThrownBy(() -> ClientCodec.decodeReply(reply)).hasMessageContaining("field seq: " + bad);
        }
        byte[] longId = ClientCodec.encodeRequest(new ClientRequest("c".repeat(256), 1, 1, new KvOp.Get("k")));
        assertThatThrownBy(() -> ClientCodec.decodeRequest(longId)).hasMessageContaining("field clientId");
    }
}
