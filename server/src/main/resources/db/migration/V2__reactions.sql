-- What PropOS does about its decisions: one platform command a row, executed at most once (the
-- platform deduplicates on command_id too), retried while the platform fails.
create table reactions (
    command_id      text        primary key,
    -- the order they were planned in: an account's commands are carried out in this order
    planned_order   bigserial   unique,
    -- the decision it carries out, or null for an operator's request (an enrollment)
    seq             bigint,
    ordinal         int,
    account         text        not null,
    kind            text        not null,
    command         text        not null,
    -- an event to journal once the command succeeded (the account_started of a created account)
    then_journal    text,
    status          text        not null check (status in ('pending', 'done', 'failed')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    outcome         text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    foreign key (seq, ordinal) references decisions (seq, ordinal)
);
create index reactions_pending on reactions (account, planned_order) where status = 'pending';
create index reactions_account on reactions (account, planned_order);

-- What the trader is told (passes, breaches, payouts), in the order it happened.
create table notifications (
    id         bigserial   primary key,
    dedup_key  text        not null unique,
    trader     text,
    account    text        not null,
    kind       text        not null,
    message    text        not null,
    created_at timestamptz not null
);
create index notifications_trader on notifications (trader, id);
