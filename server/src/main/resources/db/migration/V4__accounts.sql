-- Ids of accounts enrolled through the API, printed as PA100001, PA100002 ...
create sequence account_numbers start with 100001;

-- Enrollments whose platform account is not created yet (the API lists them as enrolling).
create index reactions_open_enrollments on reactions (account) where seq is null and status <> 'done';

-- The audit log read by subject (an account, a trader, a user), newest first.
create index audit_log_subject on audit_log (subject, id);
