/** The viewer's notifications: the list, live arrivals and marking them read. */
import type { TopicStatus } from "./topics";
export type NotificationKind =
  | "TOPIC_COMMENTED"
  | "TOPIC_MERGED"
  | "TOPIC_STATUS_CHANGED"
  | "SESSION_SCHEDULED"
  | "BOOKING_PROMOTED"
  | "SESSION_CANCELLED";
export type NotificationItem = {
  id: string;
  kind: NotificationKind;
  createdAt: string;
  read: boolean;
  fromStatus: TopicStatus | null;
  toStatus: TopicStatus | null;
  reason: string | null;
  commentExcerpt: string | null;
  actor: { id: string; name: string } | null;
  topic: { id: string; title: string } | null;
  mergedInto: { id: string; title: string } | null;
  session: { id: string; date: string; startTime: string; endTime: string; online: boolean; site: { name: string } | null } | null;
};
const NOTIFICATION_FIELDS = /* GraphQL */ `
  id kind createdAt read fromStatus toStatus reason commentExcerpt
  actor { id name } topic { id title } mergedInto { id title }
  session { id date startTime endTime online site { name } }
`;

export const NOTIFICATIONS = /* GraphQL */ `
  query Notifications($first: Int, $after: String) {
    me {
      id unreadNotificationCount
      notifications(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { ${NOTIFICATION_FIELDS} } }
      }
    }
  }
`;
export type NotificationsData = {
  me: {
    id: string;
    unreadNotificationCount: number;
    notifications: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: Array<{ node: NotificationItem }>;
    };
  };
};

export const NOTIFICATION_ADDED = /* GraphQL */ `
  subscription NotificationAdded { notificationAdded { ${NOTIFICATION_FIELDS} } }
`;
export type NotificationAddedData = { notificationAdded: NotificationItem };

export const MARK_NOTIFICATIONS_READ = /* GraphQL */ `
  mutation MarkNotificationsRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id read } }
`;
export type MarkNotificationsReadData = { markNotificationsRead: Array<{ id: string; read: boolean }> };

export const MARK_ALL_NOTIFICATIONS_READ = /* GraphQL */ `
  mutation MarkAllNotificationsRead { markAllNotificationsRead { id unreadNotificationCount } }
`;
export type MarkAllNotificationsReadData = { markAllNotificationsRead: { id: string; unreadNotificationCount: number } };

/** Result selections: a fragment on a type outside a mutation's union is a validation error. */
