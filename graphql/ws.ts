import type { Server } from "node:http";
import { GraphQLError, getOperationAST, type DocumentNode, type ExecutionArgs } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { Metrics } from "../server/metrics";
import { MAX_BODY_BYTES } from "./armor";
import { foreignOriginRefusal, nodeHeaders, type OriginPolicy } from "./csrf";
import { trackSessionSockets } from "./session-sockets";
import { SharedSubscriptions } from "./shared-subscriptions";
import type { ViewerLoader } from "./viewer";
import type { SprosYoga } from "./yoga";

/**
 * graphql-ws on the same http.Server and path as Yoga's HTTP endpoint, executing through Yoga's
 * envelop so subscriptions get the same context, plugins and authorisation as HTTP requests.
 * The handshake carries the session cookie; a connection without a valid session is refused, and
 * so is a handshake from a foreign page (browsers send cookies on cross-site WebSocket handshakes,
 * so without the Origin check any site could subscribe as its visitor: docs/decisions/013).
 */
export function attachGraphQLWebSocket(
  server: Server,
  yoga: SprosYoga,
  viewers: ViewerLoader,
  metrics?: Metrics,
  security: { originPolicy?: OriginPolicy } = {},
) {
  const originPolicy = security.originPolicy ?? { trustedOrigins: [], trustProxy: false };
  const wss = new WebSocketServer({
    server,
    path: yoga.graphqlEndpoint,
    // One message is one operation: the same ceiling as an HTTP body (ws closes with 1009 above it).
    maxPayload: MAX_BODY_BYTES,
    verifyClient: (info, accept) => {
      const refusal = foreignOriginRefusal(nodeHeaders(info.req.headers), originPolicy);
      if (refusal) accept(false, 403, "Cross-site WebSocket handshake refused");
      else accept(true);
    },
  });
  // A pulse's selection runs once for all its subscribers, not once each (docs/decisions/019).
  const shared = new SharedSubscriptions();
  // Open subscriptions per connection, for the graphql_subscriptions_active gauge.
  const open = new WeakMap<object, Set<string>>();
  const closed = (ctx: object, id: string) => {
    if (open.get(ctx)?.delete(id)) metrics?.subscriptionClosed();
  };
  // A revoked session's open connections close at once (graphql/session-sockets.ts).
  const sessions = trackSessionSockets(viewers);
  const connectedAs = new WeakMap<object, string>();
  const disposable = useServer(
    {
      onConnect: async (ctx) => {
        const cookie = ctx.extra.request.headers.cookie;
        const viewer = await viewers.load(cookie);
        if (!viewer) return false;
        connectedAs.set(ctx, viewer.id);
        sessions.add(viewer.id, ctx.extra.socket, cookie);
        return true;
      },
      onComplete: (ctx, id) => closed(ctx, id),
      onClose: (ctx) => {
        for (const id of [...(open.get(ctx) ?? [])]) closed(ctx, id);
        const userId = connectedAs.get(ctx);
        if (userId) sessions.remove(userId, ctx.extra.socket);
      },
      // Yoga's enveloped execute/subscribe travel on rootValue (the Yoga docs' graphql-ws recipe).
      execute: (args) => (args as EnvelopedArgs).rootValue.execute(args) as never,
      subscribe: (args) => shared.subscribe(args, (own) => (own as EnvelopedArgs).rootValue.subscribe(own)) as never,
      onSubscribe: async (ctx, id, params) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
        });
        let document: DocumentNode;
        try {
          document = parse(params.query); // with the token limit of graphql/armor.ts
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const args = {
          schema,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        if (errors.length) return errors;
        if (getOperationAST(args.document, args.operationName)?.operation === "subscription") {
          const ids = open.get(ctx) ?? new Set<string>();
          open.set(ctx, ids);
          if (!ids.has(id)) metrics?.subscriptionOpened();
          ids.add(id);
        }
        return args;
      },
    },
    wss,
  );
  return {
    wss,
    /** Subscribers of each shared subscription stream running now. */
    sharedStreams: () => shared.openStreams(),
    close: async () => {
      sessions.dispose();
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

type EnvelopedArgs = ExecutionArgs & {
  rootValue: { execute: (args: ExecutionArgs) => unknown; subscribe: (args: ExecutionArgs) => unknown };
};
