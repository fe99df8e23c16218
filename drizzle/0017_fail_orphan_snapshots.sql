-- Snapshots were run in the memory of an app server before they became jobs: one still
-- "running" when this migration runs has no job that could finish it.
UPDATE "coverage_snapshots" SET "status" = 'failed', "problems" = '["The server stopped while this import ran; start the import again."]'::jsonb, "finished_at" = now() WHERE "status" = 'running';
