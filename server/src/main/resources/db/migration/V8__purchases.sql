-- What traders bought through the payment processor, and what was refunded.
create table purchases (
    checkout_session text        primary key,
    event_id         text        not null,
    payment_intent   text,
    trader           text        not null,
    program          text        not null,
    version          int         not null,
    amount_cents     bigint      not null check (amount_cents >= 0),
    currency         text        not null,
    account          text        not null,
    refunded_cents   bigint      not null default 0 check (refunded_cents >= 0 and refunded_cents <= amount_cents),
    created_at       timestamptz not null
);
create unique index purchases_payment_intent on purchases (payment_intent) where payment_intent is not null;

-- Webhook deliveries refused (unsigned, badly signed, stale, unreadable), kept for inspection.
create table webhook_rejections (
    id          bigserial   primary key,
    provider    text        not null,
    received_at timestamptz not null,
    reason      text        not null,
    body        text        not null
);
