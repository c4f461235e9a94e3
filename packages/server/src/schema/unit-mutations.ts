import { createUnit, updateUnit } from "../organisation/units.ts";
import { builder } from "./builder.ts";
import { EmployeeRef } from "./employee.ts";
import { nameSchema, slugSchema } from "./inputs.ts";
import { OrgUnitRef } from "./organization.ts";

// Changing the organisation's units (the admin's): apart from the OrgUnit
// type, as they name both units and employees.

builder.relayMutationField(
  "createUnit",
  {
    inputFields: (t) => ({
      name: t.string({ required: true, validate: nameSchema }),
      slug: t.string({ required: true, validate: slugSchema }),
      parentId: t.globalID({ required: false, for: [OrgUnitRef] }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => createUnit(scope, { ...input, parentId: input.parentId?.id ?? null })),
  },
  { outputFields: (t) => ({ unit: t.field({ type: OrgUnitRef, resolve: (unit) => unit }) }) },
);

builder.relayMutationField(
  "updateUnit",
  {
    inputFields: (t) => ({
      id: t.globalID({ required: true, for: [OrgUnitRef] }),
      name: t.string({ required: false, validate: nameSchema }),
      parentId: t.globalID({ required: false, for: [OrgUnitRef], description: "New parent; omit to keep." }),
      headId: t.globalID({ required: false, for: [EmployeeRef], description: "New head of unit; omit to keep." }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => updateUnit(scope, { ...input, id: input.id.id, parentId: input.parentId?.id ?? null, headId: input.headId?.id ?? null })),
  },
  { outputFields: (t) => ({ unit: t.field({ type: OrgUnitRef, resolve: (unit) => unit }) }) },
);
