-- Reminders before a subsidy's verantwoording is due (issue 6): one a month before, one a week before,
-- each sent once (the moment it went out is kept).
ALTER TABLE subsidy ADD COLUMN reminded_month_at timestamptz;
ALTER TABLE subsidy ADD COLUMN reminded_week_at timestamptz;
