import { SERVICE_CULTURE_TOPICS } from "./topics-service-culture";
import { SERVICE_DELIVERY_TOPICS } from "./topics-service-delivery";
import type { TopicSeed } from "./topic-seed";

export const TOPICS: readonly TopicSeed[] = [...SERVICE_DELIVERY_TOPICS, ...SERVICE_CULTURE_TOPICS];
