/** The demo account shown on the sign-in page while the demo seed is active (SPROS_SEED=demo). */
export const DEMO_EMAIL = "staff@spros.demo";
export const DEMO_PASSWORD = "spros-demo-2026";
