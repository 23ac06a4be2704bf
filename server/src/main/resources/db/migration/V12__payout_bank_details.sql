-- A payment the bank refused because of the beneficiary's account (closed, wrong number, ...) is
-- not sent again to the same details: the payout waits, from this instant, for the trader's new
-- bank details (docs/money.md).
alter table payouts add column awaiting_bank_details_since timestamptz;
