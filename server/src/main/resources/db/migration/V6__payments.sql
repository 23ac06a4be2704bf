-- Payments handed to a payment rail (docs/payments.md): one row per payment id, which makes a
-- repeated submit harmless. A rejected payment may be submitted again: the same row, one more attempt.
create table rail_payments (
    payment_id          text        primary key,
    rail                text        not null check (rail in ('pain001', 'manual')),
    status              text        not null check (status in ('queued', 'submitted', 'paid', 'rejected')),
    attempts            int         not null default 1,
    amount_cents        bigint      not null check (amount_cents > 0),
    currency            text        not null,
    beneficiary_name    text        not null,
    beneficiary_iban    text        not null,
    beneficiary_bic     text,
    beneficiary_country text        not null,
    remittance_info     text        not null,
    execution_date      date        not null,
    -- the pain.001 batch (message id) the payment went out in; null while queued and on the manual rail
    batch_message_id    text,
    -- the bank's or the operator's reference once paid
    reference           text,
    -- why the bank or the operator rejected it
    reason              text,
    submitted_at        timestamptz not null,
    settled_at          timestamptz,
    updated_at          timestamptz not null
);
create index rail_payments_queued on rail_payments (rail, submitted_at) where status = 'queued';

-- pain.001 credit-transfer files, kept whole: the file in the outbox is written from here, again
-- after a crash between the commit and the write.
create sequence payment_batch_numbers;
create table payment_batches (
    message_id         text        primary key,
    file_name          text        not null unique,
    payments           int         not null,
    control_sum_cents  bigint      not null,
    document           text        not null,
    created_at         timestamptz not null,
    -- when the file was in the outbox; null = still to write
    written_at         timestamptz
);
create index payment_batches_unwritten on payment_batches (created_at) where written_at is null;
