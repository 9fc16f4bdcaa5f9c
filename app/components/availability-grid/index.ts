export { AvailabilityGrid, AvailabilitySummary, summaryText, type Brush } from "./availability-grid";
