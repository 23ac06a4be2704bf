package dev.propos.server.ledger;

import java.util.List;

/** The outcome of a request: its transfers, in the order of its legs, or why none was posted. */
public sealed interface TransferResult {

    /** The request's transfers are in the ledger: now or by an earlier request with the same keys. */
    sealed interface Accepted extends TransferResult {
        List<Transfer> transfers();

        /** The transfer of a one-leg request. */
        default Transfer transfer() {
            return transfers().getFirst();
        }
    }

    /** Posted by this request. */
    record Created(List<Transfer> transfers) implements Accepted {
        public Created {
            transfers = List.copyOf(transfers);
        }
    }

    /** The same request was done before: its first result; nothing was posted again. */
    record Replayed(List<Transfer> transfers) implements Accepted {
        public Replayed {
            transfers = List.copyOf(transfers);
        }
    }

    /** Nothing was posted: {@code leg} (from 0) is the leg refused, for {@code refusal}. */
    record Refused(Refusal refusal, int leg, String message) implements TransferResult {
    }
}
