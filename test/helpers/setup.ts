// One place for test-wide setup. Tests use real parts (SQLite files, servers on
// 127.0.0.1:0, headless Lexical); nothing here fakes them.
process.env.GALLEY_LOG ??= 'silent';
// Every y-websocket provider adds a process 'exit' listener; some tests open dozens.
process.setMaxListeners(500);
