import { encodeGlobalID } from "@pothos/plugin-relay";
import { roomSchema, siteSchema } from "../domain/resource-rules";
import { createRoom, deleteRoom, saveSite, updateRoom } from "../domain/resources";
import { SiteRef } from "./availability";
import { builder } from "./builder";
import { NotFoundError, ValidationError } from "./errors";
import { nonEmpty } from "./prisma-query";
import { idOf, parseInput, ResourceConflictError, unwrap } from "./resource-errors";
import { RoomRef } from "./resources";

// Inputs are validated in the resolvers, after authorisation: staff get FORBIDDEN, not a manager
// form's validation details (ADR 005). Bad input writes nothing.

const SiteInput = builder.inputType("SiteInput", {
  description:
    "Every field of a site. code: 2–32 latin letters/digits joined by hyphens, unique (stored lower-case). Opening hours in minutes after midnight on the 30-minute grid, 0–1440, opensMinute < closesMinute.",
  fields: (t) => ({
    code: t.string({ required: true }),
    name: t.string({ required: true }),
    address: t.string({ required: true }),
    opensMinute: t.int({ required: true }),
    closesMinute: t.int({ required: true }),
  }),
});

builder.mutationField("createSite", (t) =>
  t.prismaField({
    type: SiteRef,
    description: "Manager: adds a site.",
    authScopes: { manager: true },
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: SiteInput, required: true }) },
    resolve: async (query, _root, args, context) => {
      const fields = parseInput(siteSchema, args.input, ["input"]);
      const { id } = unwrap(await saveSite(context.prisma, null, fields), "Site", ["input"]);
      return context.prisma.site.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

builder.mutationField("updateSite", (t) =>
  t.prismaField({
    type: SiteRef,
    description: "Manager: replaces a site's code, name, address and opening hours.",
    authScopes: { manager: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { siteId: t.arg.id({ required: true }), input: t.arg({ type: SiteInput, required: true }) },
    resolve: async (query, _root, args, context) => {
      const fields = parseInput(siteSchema, args.input, ["input"]);
      const siteId = idOf("Site", args.siteId);
      const { id } = unwrap(await saveSite(context.prisma, siteId, fields), "Site", ["input"]);
      return context.prisma.site.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

const RoomInput = builder.inputType("RoomInput", {
  description: "A room's name (1–60 characters, unique at its site, case-insensitive) and capacity (1–500 seats).",
  fields: (t) => ({
    name: t.string({ required: true }),
    capacity: t.int({ required: true }),
  }),
});

builder.mutationField("createRoom", (t) =>
  t.prismaField({
    type: RoomRef,
    description: "Manager: adds a room to a site.",
    authScopes: { manager: true },
    errors: { types: [ValidationError] },
    args: { siteId: t.arg.id({ required: true }), input: t.arg({ type: RoomInput, required: true }) },
    resolve: async (query, _root, args, context) => {
      const fields = parseInput(roomSchema, args.input, ["input"]);
      const outcome = await createRoom(context.prisma, idOf("Site", args.siteId), fields);
      // The site is an argument of its own: an unknown one is named `siteId`, not `input.siteId`.
      const { id } = unwrap(outcome, "Site", (path) => (path[0] === "siteId" ? path : ["input", ...path]));
      return context.prisma.room.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

builder.mutationField("updateRoom", (t) =>
  t.prismaField({
    type: RoomRef,
    description: "Manager: renames a room or changes its capacity (sessions already approved keep their own capacity).",
    authScopes: { manager: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { roomId: t.arg.id({ required: true }), input: t.arg({ type: RoomInput, required: true }) },
    resolve: async (query, _root, args, context) => {
      const fields = parseInput(roomSchema, args.input, ["input"]);
      const { id } = unwrap(await updateRoom(context.prisma, idOf("Room", args.roomId), fields), "Room", ["input"]);
      return context.prisma.room.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

type DeletedRoom = { id: string; siteId: string };

const DeleteRoomPayload = builder.objectRef<DeletedRoom>("DeleteRoomPayload").implement({
  fields: (t) => ({
    deletedRoomId: t.id({ resolve: (room) => encodeGlobalID("Room", room.id) }),
    site: t.prismaField({
      type: SiteRef,
      description: "The site the room belonged to, as it is now.",
      resolve: (query, room, _args, context) => context.prisma.site.findUniqueOrThrow({ ...nonEmpty(query), where: { id: room.siteId } }),
    }),
  }),
});

builder.mutationField("deleteRoom", (t) =>
  t.field({
    type: DeleteRoomPayload,
    description:
      "Manager: deletes a room. Refused (ResourceConflictError) while scheduled sessions that have not ended use it, or when past sessions keep it for their history.",
    authScopes: { manager: true },
    errors: { types: [NotFoundError, ResourceConflictError] },
    args: { roomId: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => unwrap(await deleteRoom(context.prisma, idOf("Room", args.roomId), new Date()), "Room", []),
  }),
);
