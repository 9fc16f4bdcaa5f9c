import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createTopics, createUsers, TEST_PASSWORD } from "./helpers/users";

let db: TestDatabase;
let server: ApiServer;
let alice: ApiClient;
let bob: ApiClient;
let siteIds: Record<string, string>;
let topicIds: string[];
let aliceId: string;

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

const ME = /* GraphQL */ `
  { me { id onlineOk availability { weekday startMinute endMinute strength } preferredSites { code name } } }
`;
const SET = /* GraphQL */ `
  mutation Set($input: SetMyAvailabilityInput!) {
    setMyAvailability(input: $input) {
      __typename
      ... on MutationSetMyAvailabilitySuccess { data { onlineOk availability { weekday startMinute endMinute strength } preferredSites { code } } }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`;
const NARROW = /* GraphQL */ `
  mutation Narrow($topicId: ID!, $windows: [AvailabilityWindowInput!]) {
    setVoteWindows(topicId: $topicId, windows: $windows) {
      __typename
      ... on MutationSetVoteWindowsSuccess { data { viewerHasVoted viewerVoteWindows { weekday startMinute endMinute strength } } }
      ... on ValidationError { fieldErrors { path message } }
      ... on Error { message }
    }
  }
`;

const win = (weekday: number, startMinute: number, endMinute: number, strength = "PREFERRED") => ({ weekday, startMinute, endMinute, strength });

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startApiServer(db);
  const users = await createUsers(db.prisma, 2, { prefix: "avail" });
  aliceId = users[0].id;
  for (const [code, name] of [["strogino", "Строгино"], ["vdnkh", "ВДНХ"]]) {
    await db.prisma.site.create({ data: { code, name, address: `${name}, 1` } });
  }
  siteIds = Object.fromEntries((await db.prisma.site.findMany()).map((site) => [site.code, globalId("Site", site.id)]));
  topicIds = (await createTopics(db.prisma, users[0].id, ["Тема для сужения", "Тема без голоса"])).map((topic) => globalId("Topic", topic.id));
  alice = await new ApiClient(server).signIn(users[0].email, TEST_PASSWORD);
  bob = await new ApiClient(server).signIn(users[1].email, TEST_PASSWORD);
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

describe("weekly availability", () => {
  it("lists the sites", async () => {
    const result = await alice.request("{ sites { id code name opensMinute closesMinute } }");
    expect(result.data.sites.map((site: any) => site.code)).toEqual(["vdnkh", "strogino"]);
    expect(result.data.sites[0]).toMatchObject({ opensMinute: 480, closesMinute: 1200 });
  });

  it("starts empty", async () => {
    const result = await alice.request(ME);
    expect(result.data.me).toMatchObject({ onlineOk: true, availability: [], preferredSites: [] });
  });

  it("replaces the set and merges adjacent cells into maximal windows", async () => {
    const input = {
      windows: [win(2, 540, 570), win(2, 570, 600), win(2, 600, 660, "IF_NEED_BE"), win(1, 480, 510), win(2, 480, 540)],
      siteIds: [siteIds.strogino, siteIds.strogino],
      onlineOk: false,
    };
    const result = await alice.request(SET, { input });
    expect(result.data.setMyAvailability).toEqual({
      __typename: "MutationSetMyAvailabilitySuccess",
      data: {
        onlineOk: false,
        availability: [win(1, 480, 510), win(2, 480, 600), win(2, 600, 660, "IF_NEED_BE")],
        preferredSites: [{ code: "strogino" }],
      },
    });
    const again = await alice.request(SET, { input: { windows: [win(7, 600, 720)], siteIds: [siteIds.vdnkh], onlineOk: true } });
    expect(again.data.setMyAvailability.data.availability).toEqual([win(7, 600, 720)]);
    expect(await db.prisma.userAvailability.count({ where: { userId: aliceId } })).toBe(1);
    expect((await alice.request(ME)).data.me.preferredSites).toEqual([{ code: "vdnkh", name: "ВДНХ" }]);
  });

  it("names each bad field and writes nothing", async () => {
    const before = await alice.request(ME);
    const result = await alice.request(SET, {
      input: {
        windows: [win(8, 480, 540), win(1, 470, 540), win(1, 600, 600), win(2, 600, 1230), win(3, 600, 700), win(4, 480, 600), win(4, 540, 660)],
        siteIds: [siteIds.strogino, topicIds[0], "garbage"],
        onlineOk: true,
      },
    });
    expect(result.data.setMyAvailability.__typename).toBe("ValidationError");
    const paths = result.data.setMyAvailability.fieldErrors.map((error: any) => error.path.join("."));
    expect(paths).toEqual(
      expect.arrayContaining([
        "input.windows.0.weekday",
        "input.windows.1.startMinute",
        "input.windows.2.endMinute",
        "input.windows.3.endMinute",
        "input.windows.4.endMinute",
        "input.windows.6.startMinute",
      ]),
    );
    const sites = await alice.request(SET, { input: { windows: [], siteIds: [siteIds.strogino, topicIds[0], "garbage"], onlineOk: false } });
    expect(sites.data.setMyAvailability.fieldErrors.map((error: any) => error.path.join("."))).toEqual(["input.siteIds.1", "input.siteIds.2"]);
    const tooMany = Array.from({ length: 101 }, (_, i) => win(1 + (i % 7), 480 + 30 * Math.floor(i / 7), 510 + 30 * Math.floor(i / 7)));
    const many = await alice.request(SET, { input: { windows: tooMany, siteIds: [], onlineOk: true } });
    expect(many.data.setMyAvailability.fieldErrors.map((error: any) => error.path.join("."))).toEqual(["input.windows"]);
    expect(await alice.request(ME)).toEqual(before);
  });

  it("stays consistent when the same user replaces it concurrently", async () => {
    const sets = Array.from({ length: 12 }, (_, i) => ({ windows: [win(1 + (i % 7), 480, 600), win(1 + ((i + 1) % 7), 600, 720)], siteIds: [], onlineOk: true }));
    const results = await Promise.all(sets.map((input) => alice.request(SET, { input })));
    expect(results.every((result) => result.data.setMyAvailability.__typename === "MutationSetMyAvailabilitySuccess")).toBe(true);
    expect(await db.prisma.userAvailability.count({ where: { userId: aliceId } })).toBe(2);
  });

  it("is private: nobody else reads it, and no operation takes a user id", async () => {
    const result = await bob.request("query($id: ID!) { node(id: $id) { ... on User { name availability { weekday } onlineOk preferredSites { code } } } }", {
      id: globalId("User", aliceId),
    });
    expect(result.data.node).toEqual({ name: "Тестовый Пользователь 0", availability: null, onlineOk: null, preferredSites: null });
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"]);
    const sneaky = await bob.request("mutation { setMyAvailability(input: { windows: [], siteIds: [], onlineOk: true }, userId: \"x\") { __typename } }");
    expect(sneaky.errors?.[0].message).toMatch(/Unknown argument "userId"/);
  });

  it("requires signing in", async () => {
    const anonymous = new ApiClient(server);
    const result = await anonymous.request(SET, { input: { windows: [win(9, 1, 2)], siteIds: [], onlineOk: true } });
    expect(result.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("narrowing a vote", () => {
  it("answers NotVotedError for a topic the viewer did not vote for, and NotFoundError for unknown ids", async () => {
    const result = await bob.request(NARROW, { topicId: topicIds[1], windows: [win(2, 480, 600)] });
    expect(result.data.setVoteWindows.__typename).toBe("NotVotedError");
    const missing = await bob.request(NARROW, { topicId: globalId("Topic", "nope"), windows: null });
    expect(missing.data.setVoteWindows.__typename).toBe("NotFoundError");
    expect(await db.prisma.voteWindow.count()).toBe(0);
  });

  it("sets, normalises, replaces and clears the narrowing of the viewer's vote", async () => {
    await alice.request("mutation($id: ID!) { vote(topicId: $id) { __typename } }", { id: topicIds[0] });
    const before = await alice.request("query($id: ID!) { topic(id: $id) { viewerVoteWindows { weekday } } }", { id: topicIds[0] });
    expect(before.data.topic.viewerVoteWindows).toBeNull();

    const set = await alice.request(NARROW, { topicId: topicIds[0], windows: [win(2, 540, 600), win(2, 480, 540)] });
    expect(set.data.setVoteWindows.data).toEqual({ viewerHasVoted: true, viewerVoteWindows: [win(2, 480, 600)] });
    // Someone else's view of the topic shows their own (absent) narrowing.
    const bobView = await bob.request("query($id: ID!) { topic(id: $id) { viewerVoteWindows { weekday } } }", { id: topicIds[0] });
    expect(bobView.data.topic.viewerVoteWindows).toBeNull();

    const replaced = await alice.request(NARROW, { topicId: topicIds[0], windows: [win(4, 960, 1200, "IF_NEED_BE")] });
    expect(replaced.data.setVoteWindows.data.viewerVoteWindows).toEqual([win(4, 960, 1200, "IF_NEED_BE")]);

    const invalid = await alice.request(NARROW, { topicId: topicIds[0], windows: [win(4, 960, 1210)] });
    expect(invalid.data.setVoteWindows.fieldErrors.map((error: any) => error.path.join("."))).toEqual(["windows.0.endMinute"]);
    expect(await db.prisma.voteWindow.count()).toBe(1);

    for (const windows of [[], null]) {
      await alice.request(NARROW, { topicId: topicIds[0], windows: [win(1, 480, 510)] });
      const cleared = await alice.request(NARROW, { topicId: topicIds[0], windows });
      expect(cleared.data.setVoteWindows.data.viewerVoteWindows).toBeNull();
      expect(await db.prisma.voteWindow.count()).toBe(0);
    }
  });

  it("goes away with the vote", async () => {
    await alice.request(NARROW, { topicId: topicIds[0], windows: [win(1, 480, 510)] });
    await alice.request("mutation($id: ID!) { unvote(topicId: $id) { __typename } }", { id: topicIds[0] });
    expect(await db.prisma.voteWindow.count()).toBe(0);
    const result = await alice.request(NARROW, { topicId: topicIds[0], windows: [win(1, 480, 510)] });
    expect(result.data.setVoteWindows.__typename).toBe("NotVotedError");
  });
});
