// A provider's service menu: which durations it offers at which price. Derived from the provider row's
// price60/price90/price120 (serviceMenuFor in prices.ts); this is the shape the UI and the "menu" booking source use.
import * as z from "zod";
import { durationSchema, idSchema, providerTypeSchema, rupiahSchema } from "./common";

export const serviceMenuItemSchema = z.object({ duration: durationSchema, price: rupiahSchema });
export type ServiceMenuItem = z.infer<typeof serviceMenuItemSchema>;

export const serviceMenuSchema = z.object({
  providerType: providerTypeSchema,
  providerId: idSchema,
  items: z.array(serviceMenuItemSchema),
});
export type ServiceMenu = z.infer<typeof serviceMenuSchema>;

/** What a customer picks from a menu before the booking form opens (source "menu"). */
export const menuSelectionSchema = z.object({
  providerType: providerTypeSchema,
  providerId: idSchema,
  duration: durationSchema,
});
export type MenuSelection = z.infer<typeof menuSelectionSchema>;
