-- The firm's configuration documents (programs.md YAML), in the order they were imported.
create table firm_config (
    id          bigint      primary key,
    imported_at timestamptz not null,
    imported_by text        not null,
    source_name text        not null,
    yaml        text        not null
);

-- Every accepted event, as received, in the order it was acknowledged.
create table events (
    received_seq  bigint      primary key,
    event_id      text        not null unique,
    type          text        not null,
    account       text,
    event_time    timestamptz not null,
    received_at   timestamptz not null,
    source        text        not null,
    line          text        not null
);
create index events_account on events (account, received_seq) where account is not null;

-- The order of record: one sequence for the whole firm whose times never decrease. An entry is an
-- event (late ones keep their own time in events.event_time) or a configuration change.
create table journal (
    seq           bigint      primary key,
    received_seq  bigint      unique references events,
    config_id     bigint      references firm_config,
    -- null only for configuration changes before the first event: they do not move time
    journal_time  timestamptz,
    late          boolean     not null default false,
    check ((received_seq is null) <> (config_id is null)),
    check (journal_time is not null or config_id is not null)
);

-- Events the engine refused after they were acknowledged (a check ingest could not make ahead).
create table journal_voided (
    seq    bigint primary key references journal,
    reason text   not null
);

-- Lines ingest refused, kept for inspection.
create table rejected_events (
    id          bigserial   primary key,
    received_at timestamptz not null,
    source      text        not null,
    line_number int         not null,
    line        text        not null,
    reason      text        not null
);
create index rejected_events_received on rejected_events (received_at);

-- Every decision, in the order the engine made it while applying a journal entry.
create table decisions (
    seq        bigint      not null references journal,
    ordinal    int         not null,
    type       text        not null,
    account    text,
    decided_at timestamptz,
    -- wall time the decision was recorded: with events.received_at, PropOS's reaction time
    recorded_at timestamptz not null,
    line       text        not null,
    primary key (seq, ordinal)
);
create index decisions_account on decisions (account, seq) where account is not null;

-- Engine state at a journal position: restart = latest compatible snapshot + the journal's tail.
create table snapshots (
    seq        bigint      primary key,
    taken_at   timestamptz not null,
    format     text        not null,
    state      bytea       not null
);
