import "server-only";
// Appwrite has one session length for the whole project (a year by default), so an admin session would outlive the
// admin's 12-hour limit in Appwrite itself: app-server refuses it on every request, but its secret used straight
// against Appwrite would still read every table (admins hold read("label:admin")). This ends admin sessions past
// their absolute limit in Appwrite, so a stolen or forgotten admin secret dies on time wherever it is used.
// (Therapists' and guests' secrets read only their own rows; the project's session length bounds them.)
import { SESSION_LIFETIMES } from "@tenang/booking-core/session-lifetime";
import { Query } from "node-appwrite";
import { isNotFound } from "../appwrite/appwrite-errors";
import type { BookingServerContext } from "../context";

const ADMIN_LABEL = "admin";
const PAGE = 100;

/** Deletes every admin session older than SESSION_LIFETIMES.admin.absoluteMs; returns how many it ended. */
export async function endExpiredAdminSessions(ctx: BookingServerContext): Promise<number> {
  const cutoff = ctx.clock().getTime() - SESSION_LIFETIMES.admin.absoluteMs;
  let ended = 0;
  let cursor: string | undefined;
  for (;;) {
    const { users } = await ctx.users.list({
      queries: [
        Query.contains("labels", [ADMIN_LABEL]),
        Query.limit(PAGE),
        ...(cursor ? [Query.cursorAfter(cursor)] : []),
      ],
    });
    for (const user of users) {
      const { sessions } = await ctx.users.listSessions({ userId: user.$id });
      for (const session of sessions) {
        if (Date.parse(session.$createdAt) > cutoff) continue;
        try {
          await ctx.users.deleteSession({ userId: user.$id, sessionId: session.$id });
          ended += 1;
        } catch (error) {
          // Signed out meanwhile: already ended.
          if (!isNotFound(error)) throw error;
        }
      }
    }
    if (users.length < PAGE) return ended;
    cursor = users[users.length - 1]!.$id;
  }
}
