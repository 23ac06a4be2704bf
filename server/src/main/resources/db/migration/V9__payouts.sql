-- Payouts through their workflow (docs/payouts.md): one row a payout the engine answered, its
-- state, and every step it took.
create table payouts (
    id                 text        primary key,   -- P<journal entry>-<ordinal> of the engine's answer
    account            text        not null,
    program            text        not null,
    trader             text,
    currency           text        not null,
    amount_cents       bigint      not null check (amount_cents >= 0),
    trader_share_cents bigint      not null,
    firm_share_cents   bigint      not null,
    fee_refund_cents   bigint      not null,
    state              text        not null,
    reasons            text,                      -- the engine's reasons, for a refused request
    request_event      text,                      -- the payout_requested event answered
    decided_at         timestamptz not null,      -- the engine's (firm's) time of the answer
    rail               text,
    attempts           int         not null default 0,
    last_error         text,
    escalated_at       timestamptz,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
create index payouts_account on payouts (account, created_at);
create index payouts_open on payouts (state, updated_at) where state not in ('paid', 'refused', 'cancelled');

create table payout_steps (
    id        bigserial   primary key,
    payout    text        not null references payouts,
    at        timestamptz not null,
    from_state text,
    to_state  text        not null,
    actor     text        not null,
    note      text
);
create index payout_steps_payout on payout_steps (payout, id);

-- Staff approvals of a payout in review (maker-checker: a large payout needs two different people).
create table payout_approvals (
    payout   text        not null references payouts,
    approver text        not null,
    at       timestamptz not null,
    primary key (payout, approver)
);
