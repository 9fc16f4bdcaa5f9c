/**
 * Every GraphQL operation the web app sends, with the TypeScript shape of its result, one module
 * per area under ./documents/ (the newer areas — bookings, planning, proposals, resources,
 * dashboard — are imported from their own modules directly). Aligned by hand with /schema.graphql;
 * tests/unit/documents-valid.test.ts validates every operation against it.
 */
export * from "./documents/topics";
export * from "./documents/discussion";
export * from "./documents/notifications";
export * from "./documents/moderation";
export * from "./documents/availability";
export * from "./documents/account";
