import { encodeGlobalID } from "@pothos/plugin-relay";
import { closedDateSchema } from "../domain/resource-rules";
import { addClosedDate, removeClosedDate } from "../domain/resources";
import { builder } from "./builder";
import { NotFoundError, ValidationError } from "./errors";
import { nonEmpty } from "./prisma-query";
import { idOf, parseInput, ResourceConflictError, unwrap } from "./resource-errors";
import { ClosedDateRef } from "./resources";

const ClosedDateInput = builder.inputType("ClosedDateInput", {
  description: 'A closed day: siteId null or omitted closes the whole centre; date "YYYY-MM-DD"; reason 1–200 characters.',
  fields: (t) => ({
    siteId: t.id(),
    date: t.string({ required: true }),
    reason: t.string({ required: true }),
  }),
});

builder.mutationField("addClosedDate", (t) =>
  t.prismaField({
    type: ClosedDateRef,
    description:
      "Manager: closes the whole centre or one site on a date. Refused when it is already closed then (ValidationError on date) or when scheduled sessions take place there that day (ResourceConflictError).",
    authScopes: { manager: true },
    errors: { types: [ValidationError, ResourceConflictError] },
    args: { input: t.arg({ type: ClosedDateInput, required: true }) },
    resolve: async (query, _root, args, context) => {
      const fields = parseInput(closedDateSchema, args.input, ["input"]);
      const siteId = fields.siteId == null ? null : idOf("Site", fields.siteId);
      const { id } = unwrap(await addClosedDate(context.prisma, { siteId, date: fields.date, reason: fields.reason }), "Site", ["input"]);
      return context.prisma.closedDate.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

const RemoveClosedDatePayload = builder.objectRef<{ id: string }>("RemoveClosedDatePayload").implement({
  fields: (t) => ({ removedClosedDateId: t.id({ resolve: (closed) => encodeGlobalID("ClosedDate", closed.id) }) }),
});

builder.mutationField("removeClosedDate", (t) =>
  t.field({
    type: RemoveClosedDatePayload,
    description: "Manager: reopens a closed day.",
    authScopes: { manager: true },
    errors: { types: [NotFoundError] },
    args: { closedDateId: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => unwrap(await removeClosedDate(context.prisma, idOf("ClosedDate", args.closedDateId)), "ClosedDate", []),
  }),
);
