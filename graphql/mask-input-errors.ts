import { GraphQLError } from "graphql";
import { maskError as yogaMaskError, type MaskError } from "graphql-yoga";
import { ValidationError } from "./validation-error";

export const BAD_USER_INPUT = "BAD_USER_INPUT";

/**
 * Mutations answer invalid input with the typed ValidationError member of their result union; a
 * query argument has no union, so its ValidationError is thrown. It is the caller's mistake, not
 * ours: answer it as BAD_USER_INPUT with the field errors instead of masking it as an internal one.
 */
export function maskInputErrors(mask: MaskError = yogaMaskError): MaskError {
  return (error, message, isDev) => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    if (!(original instanceof ValidationError)) return mask(error, message, isDev);
    return new GraphQLError(original.message, {
      nodes: error instanceof GraphQLError ? error.nodes : undefined,
      path: error instanceof GraphQLError ? error.path : undefined,
      extensions: {
        code: BAD_USER_INPUT,
        fieldErrors: original.fieldErrors.map((fieldError) => ({ path: fieldError.path, message: fieldError.message })),
      },
    });
  };
}
