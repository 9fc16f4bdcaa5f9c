/** Sign-in with its lockout, the viewer's sessions (devices) and the password change. */
import type { Locale } from "~/locales/shape";
import type { ErrorResult, ValidationErrorResult } from "./topics";

export const SIGN_IN_WITH_LOCKOUT = /* GraphQL */ `
  mutation SignInWithLockout($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on MutationSignInSuccess { data { id locale } }
      ... on ValidationError { message fieldErrors { path message } }
      ... on SignInLockedError { message lockedUntil retryAfterSeconds }
      ... on Error { message }
    }
  }
`;
export type SignInLockedResult = { __typename: "SignInLockedError"; message: string; lockedUntil: string; retryAfterSeconds: number };
export type SignInWithLockoutData = {
  signIn:
    | { __typename: "MutationSignInSuccess"; data: { id: string; locale: Locale } }
    | ValidationErrorResult
    | SignInLockedResult
    | ErrorResult;
};

export type UserSessionData = {
  id: string;
  current: boolean;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
};

export const MY_SESSIONS = /* GraphQL */ `
  query MySessions { mySessions { id current userAgent ip createdAt lastSeenAt } }
`;
export type MySessionsData = { mySessions: UserSessionData[] };

export const REVOKE_SESSION = /* GraphQL */ `
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id) {
      __typename
      ... on Error { message }
    }
  }
`;
export type RevokeSessionData = {
  revokeSession: { __typename: "MutationRevokeSessionSuccess" } | { __typename: "NotFoundError"; message: string };
};

export const SIGN_OUT_EVERYWHERE = /* GraphQL */ `mutation SignOutEverywhere { signOutEverywhere }`;
export type SignOutEverywhereData = { signOutEverywhere: number };

export const CHANGE_PASSWORD = /* GraphQL */ `
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      __typename
      ... on MutationChangePasswordSuccess { data }
      ... on ValidationError { message fieldErrors { path message } }
      ... on SignInLockedError { message lockedUntil retryAfterSeconds }
      ... on Error { message }
    }
  }
`;
export type ChangePasswordData = {
  changePassword:
    | { __typename: "MutationChangePasswordSuccess"; data: number }
    | ValidationErrorResult
    | SignInLockedResult
    | ErrorResult;
};
