-- The firm's money, double-entry (docs/ledger.md). An account's balance columns are kept in the
-- transaction that appends its transfers, so they always equal the sums of its transfers.
create table ledger_accounts (
    -- readable and stable: fees_received:USD, payouts_payable:T1:USD
    id              text        primary key,
    name            text        not null,
    kind            text        not null check (kind in ('asset', 'liability', 'equity', 'revenue', 'expense')),
    currency        text        not null check (currency ~ '^[A-Z]{3}$'),
    -- the trader whose account it is (their statement), null for the firm's own accounts; not a
    -- foreign key: traders known only from platform events have payouts too
    trader_id       text,
    -- TigerBeetle's balance limits: pending and posted debits never exceed posted credits (what
    -- the firm owes a trader is never overpaid), or the other way round
    debits_must_not_exceed_credits boolean not null default false,
    credits_must_not_exceed_debits boolean not null default false,
    debits_pending  bigint      not null default 0 check (debits_pending >= 0),
    debits_posted   bigint      not null default 0 check (debits_posted >= 0),
    credits_pending bigint      not null default 0 check (credits_pending >= 0),
    credits_posted  bigint      not null default 0 check (credits_posted >= 0),
    created_at      timestamptz not null,
    -- lets a transfer's foreign keys require its currency on both accounts
    unique (id, currency),
    check (not (debits_must_not_exceed_credits and credits_must_not_exceed_debits)),
    check (not debits_must_not_exceed_credits or debits_pending + debits_posted <= credits_posted),
    check (not credits_must_not_exceed_debits or credits_pending + credits_posted <= debits_posted)
);
create index ledger_accounts_trader on ledger_accounts (trader_id, id) where trader_id is not null;

-- Transfers are never changed. A hold is a 'pending' row; posting or voiding it appends a
-- 'posted' or 'voided' row whose pending_id names the hold (at most one: the unique index).
create table ledger_transfers (
    id              bigserial   primary key,
    -- chosen by the caller; a retried request finds its first result here and posts nothing
    idempotency_key text        not null unique,
    debit_account   text        not null,
    credit_account  text        not null,
    amount_cents    bigint      not null check (amount_cents > 0),
    currency        text        not null,
    status          text        not null check (status in ('pending', 'posted', 'voided')),
    pending_id      bigint      references ledger_transfers,
    -- what caused it: ('decision', 'r123-0'), ('event', an event id), ('webhook', a provider's event id)
    reference_type  text        not null check (reference_type <> ''),
    reference       text        not null check (reference <> ''),
    description     text        not null,
    created_at      timestamptz not null,
    check (debit_account <> credit_account),
    check (status <> 'pending' or pending_id is null),
    check (status <> 'voided' or pending_id is not null),
    foreign key (debit_account, currency) references ledger_accounts (id, currency),
    foreign key (credit_account, currency) references ledger_accounts (id, currency)
);
create unique index ledger_transfers_resolution on ledger_transfers (pending_id) where pending_id is not null;
create index ledger_transfers_debit on ledger_transfers (debit_account, created_at, id);
create index ledger_transfers_credit on ledger_transfers (credit_account, created_at, id);
create index ledger_transfers_reference on ledger_transfers (reference_type, reference);
