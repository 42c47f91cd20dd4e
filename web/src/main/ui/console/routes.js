// The instructor's console: its screens and their addresses (mounted by app.js; the server's AppRoutes knows
// "console").
export const consoleRoutes = [];
