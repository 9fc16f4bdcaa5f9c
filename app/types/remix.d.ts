// Loader and action return types under single fetch (remix.config.js: future.v3_singleFetch).
// AppLoadContext (`context.graphql`) is declared by the server in server/http-app.ts.
declare module "@remix-run/server-runtime" {
  interface Future {
    v3_singleFetch: true;
  }
}

export {};
