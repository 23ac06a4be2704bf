-- Banks' status reports (pain.002) on PropOS's pain.001 files, kept whole as received, whether
-- read or refused, with what PropOS did with each payment they name (docs/payments.md).
create table payment_status_reports (
    id                  bigserial   primary key,
    -- the report's own message id and the file it reports on; null when it could not be read
    message_id          text,
    original_message_id text,
    -- who or what handed it in: 'api:<user>' or 'inbox:<file name>'
    source              text        not null,
    document            text        not null,
    received_at         timestamptz not null,
    -- why it was refused as a whole; null when it was read
    error               text,
    -- per payment named: its id, the bank's status, what was done, in words (one per line)
    outcomes            text
);
create index payment_status_reports_received on payment_status_reports (received_at);
