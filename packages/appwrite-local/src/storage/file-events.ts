// Realtime events for file writes: channels `files`, `buckets.B.files`, `buckets.B.files.F` and their
// `.<action>` twins; roles from the bucket (and the file under fileSecurity). Bucket events have no realtime
// channels in Appwrite, so none are published for them.
import type { App } from "../app.ts";
import { formatDate } from "../time.ts";
import { generateEvents, withActionChannels } from "../realtime/event-names.ts";
import type { BucketRecord } from "./bucket-repo.ts";
import type { FileRecord } from "./file-repo.ts";
import { fileEventRoles } from "./access.ts";
import { fileModel } from "./models.ts";

export function publishFileEvent(
  app: App,
  action: "create" | "update" | "delete",
  bucket: BucketRecord,
  file: FileRecord,
): void {
  const channels = ["files", `buckets.${bucket.id}.files`, `buckets.${bucket.id}.files.${file.id}`];
  app.bus.publish({
    events: generateEvents(`buckets.[bucketId].files.[fileId].${action}`, { bucketId: bucket.id, fileId: file.id }),
    channels: withActionChannels(channels, action),
    roles: fileEventRoles(bucket, file),
    timestamp: formatDate(),
    payload: fileModel(file),
  });
}
