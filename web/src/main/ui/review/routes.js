// The TA's review desk: its screens and their addresses (mounted by app.js; the server's AppRoutes knows "review").
export const reviewRoutes = [];
