-- People who use PropOS: staff with their roles, and traders (role TRADER) tied to a trader.
create table traders (
    id         text        primary key,
    name       text        not null,
    email      text,
    created_at timestamptz not null
);

create table users (
    username      text        primary key,
    password_hash text        not null,
    roles         text        not null, -- comma-separated: ADMIN, RISK, SUPPORT, FINANCE, TRADER
    trader_id     text        references traders,
    enabled       boolean     not null default true,
    created_at    timestamptz not null,
    check (trader_id is not null or roles not like '%TRADER%')
);

-- Tokens for platforms and integrations; only a hash is kept, the token is shown once.
create table api_tokens (
    id         bigserial   primary key,
    name       text        not null,
    token_hash text        not null unique,
    roles      text        not null,
    created_by text        not null,
    created_at timestamptz not null,
    revoked_at timestamptz
);

-- Who did what, when and why: every human action that changes the firm.
create table audit_log (
    id       bigserial   primary key,
    at       timestamptz not null,
    actor    text        not null,
    action   text        not null,
    subject  text,
    detail   text
);
