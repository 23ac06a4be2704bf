-- Identity verification per trader: a funded account is created only for a verified trader.
create table kyc (
    trader             text        primary key,
    status             text        not null check (status in ('pending', 'approved', 'rejected')),
    provider           text        not null,
    provider_reference text,
    reason             text,
    decided_by         text,
    updated_at         timestamptz not null
);

-- Webhook deliveries already taken (providers retry): a replay changes nothing.
create table webhook_deliveries (
    provider    text        not null,
    delivery_id text        not null,
    received_at timestamptz not null,
    primary key (provider, delivery_id)
);

-- A reaction that waits for something outside the platform (kyc:<trader>) is not carried out until then.
alter table reactions add column waits_for text;
create index reactions_waiting on reactions (waits_for) where waits_for is not null;

-- Some notifications concern the trader, not one account (identity verification).
alter table notifications alter column account drop not null;
