// Tests never reach the network or the real data directory, and keep the logs quiet.
process.env.LOG_LEVEL ??= 'silent';
process.env.CTM_SYNC = 'off';
process.env.CTGOV_BASE_URL ??= 'http://127.0.0.1:9/api/v2';
