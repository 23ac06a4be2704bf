-- Where a trader's payouts are paid: the beneficiary of the bank transfer.
create table trader_bank_details (
    trader     text        primary key,
    name       text        not null,
    iban       text        not null,
    bic        text,
    country    text        not null,
    updated_at timestamptz not null
);
