import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextField } from "~/components/form-fields";
import { ResourceErrorSummary, useDynamicT, type FormErrors } from "~/components/resource-form-errors";
import { ResourceSiteForm, siteScope } from "~/components/resource-site-form";
import { formatMinute } from "~/lib/availability-cells";
import type { RoomItem, SiteItem } from "~/lib/documents/resources";

type Props = { site: SiteItem; errors?: FormErrors; values?: Record<string, string> };

/** One site: its hours (and a form to change them), its rooms (rename, change capacity, delete) and a form for a new room. */
export function ResourceSite({ site, errors, values }: Props) {
  const { t } = useTranslation();
  const dynamicT = useDynamicT();
  const headingId = `site-${site.code}`;
  const newScope = `new-${site.code}`;
  return (
    <section className="panel resource-site" aria-labelledby={headingId}>
      <h2 id={headingId}>{site.name}</h2>
      <p className="resource-site__meta">
        {site.address ? `${site.address} · ` : null}
        {t("resources.hours", { from: formatMinute(site.opensMinute), to: formatMinute(site.closesMinute) })} · {t("resources.siteCodeShort", { code: site.code })}
      </p>
      {/* Closed until needed; it opens by itself when its last submission failed. Works without JavaScript. */}
      <details className="resource-site__edit" open={errors?.scope === siteScope(site)}>
        <summary>{t("resources.editSite")}</summary>
        <ResourceSiteForm site={site} errors={errors} values={values} />
      </details>
      <h3>{t("resources.roomsTitle")}</h3>
      {site.rooms.length === 0 ? <p>{t("resources.noRooms")}</p> : null}
      <ul className="resource-rooms">
        {site.rooms.map((room) => (
          <RoomRow key={room.id} room={room} errors={errors?.scope === scopeOf(room) ? errors : undefined} values={values} />
        ))}
      </ul>
      <h3>{t("resources.addRoomTitle")}</h3>
      <Form method="post" className="resource-room resource-room--new" noValidate>
        {errors?.scope === newScope ? <ResourceErrorSummary errors={errors} /> : null}
        <input type="hidden" name="intent" value="createRoom" />
        <input type="hidden" name="target" value={site.id} />
        <input type="hidden" name="scope" value={newScope} />
        <TextField
          name={`${newScope}-name`}
          label={t("resources.roomName")}
          defaultValue={errors?.scope === newScope ? values?.[`${newScope}-name`] : ""}
          error={fieldError(dynamicT, errors, newScope, "name")}
          maxLength={60}
          required
        />
        <TextField
          name={`${newScope}-capacity`}
          label={t("resources.capacity")}
          hint={t("resources.capacityHint")}
          type="number"
          inputMode="numeric"
          min={1}
          max={500}
          defaultValue={errors?.scope === newScope ? values?.[`${newScope}-capacity`] : ""}
          error={fieldError(dynamicT, errors, newScope, "capacity")}
          required
        />
        <button type="submit" className="button button--secondary">
          {t("resources.addRoom")}
        </button>
      </Form>
    </section>
  );
}

const scopeOf = (room: RoomItem) => `room-${room.id.replace(/[^A-Za-z0-9]/g, "")}`;

function fieldError(t: (key: string, params?: Record<string, unknown>) => string, errors: FormErrors | undefined, scope: string, field: string) {
  const key = errors?.scope === scope ? errors.fields?.[`${scope}-${field}`] : undefined;
  return key ? t(key, errors?.params) : null;
}

function RoomRow({ room, errors, values }: { room: RoomItem; errors?: FormErrors; values?: Record<string, string> }) {
  const { t } = useTranslation();
  const dynamicT = useDynamicT();
  const scope = scopeOf(room);
  return (
    <li className="resource-room">
      {errors ? <ResourceErrorSummary errors={errors} /> : null}
      <Form method="post" className="resource-room__edit" noValidate>
        <input type="hidden" name="intent" value="updateRoom" />
        <input type="hidden" name="target" value={room.id} />
        <input type="hidden" name="scope" value={scope} />
        <input type="hidden" name="targetName" value={room.name} />
        <TextField
          name={`${scope}-name`}
          label={t("resources.roomName")}
          aria-label={t("resources.roomNameOf", { name: room.name })}
          defaultValue={errors ? values?.[`${scope}-name`] : room.name}
          error={fieldError(dynamicT, errors, scope, "name")}
          maxLength={60}
          required
        />
        <TextField
          name={`${scope}-capacity`}
          label={t("resources.capacity")}
          aria-label={t("resources.capacityOf", { name: room.name })}
          type="number"
          inputMode="numeric"
          min={1}
          max={500}
          defaultValue={errors ? values?.[`${scope}-capacity`] : String(room.capacity)}
          error={fieldError(dynamicT, errors, scope, "capacity")}
          required
        />
        <button type="submit" className="button button--secondary" aria-label={t("resources.saveRoomLabel", { name: room.name })}>
          {t("resources.saveRoom")}
        </button>
      </Form>
      <Form method="post" className="resource-room__delete">
        <input type="hidden" name="intent" value="deleteRoom" />
        <input type="hidden" name="target" value={room.id} />
        <input type="hidden" name="scope" value={scope} />
        <input type="hidden" name="targetName" value={room.name} />
        {room.upcomingSessionCount > 0 ? (
          <span className="resource-room__note">{t("resources.upcoming", { count: room.upcomingSessionCount })}</span>
        ) : null}
        <button type="submit" className="button button--quiet" aria-label={t("resources.deleteRoomLabel", { name: room.name })}>
          {t("resources.deleteRoom")}
        </button>
      </Form>
    </li>
  );
}
