import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextAreaField } from "~/components/form-fields";
import { CANCEL_REASON_MAX, CANCEL_REASON_MIN } from "~/lib/documents/bookings";

/** What the session page's action answers when a cancellation was refused (kept reason included). */
export type SessionCancelError = {
  error: "errorCancelReason" | "errorCancelConfirm" | "errorAlreadyCancelled" | "errorCancelStarted" | "errorNotFound";
  reason: string;
};

/**
 * A manager cancels the session: the reason (shown to everyone told), a clear count of the people
 * whose bookings go, and a tick box confirming it before the danger button does anything.
 * A plain form: works without JavaScript.
 */
export function SessionCancel({ people, failed }: { people: number; failed?: SessionCancelError }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === "cancelSession";
  const limits = { min: CANCEL_REASON_MIN, max: CANCEL_REASON_MAX };
  const fieldError = failed?.error === "errorCancelReason" ? t("booking.errorCancelReason", limits) : null;
  const confirmError = failed?.error === "errorCancelConfirm";
  const refusal = failed && !fieldError && !confirmError ? t(`booking.${failed.error}`) : null;
  return (
    <section className="session-cancel" aria-labelledby="session-cancel-title">
      <details className="moderation__reject" open={failed ? true : undefined}>
        <summary id="session-cancel-title">{t("booking.cancelSessionTitle")}</summary>
        {refusal ? (
          <p className="notice notice--error" role="alert">
            {refusal}
          </p>
        ) : null}
        <Form method="post" className="moderation__form" preventScrollReset aria-busy={busy || undefined}>
          <input type="hidden" name="intent" value="cancelSession" />
          <p className="notice" id="session-cancel-warning">
            {people > 0 ? t("booking.cancelSessionWarning", { count: people }) : t("booking.cancelSessionNobody")}
          </p>
          <TextAreaField
            label={t("booking.cancelReason")}
            hint={t("booking.cancelReasonHint", limits)}
            error={fieldError}
            name="reason"
            rows={3}
            required
            minLength={CANCEL_REASON_MIN}
            maxLength={CANCEL_REASON_MAX}
            defaultValue={failed?.reason ?? ""}
          />
          <div className={`field${confirmError ? " field--invalid" : ""}`}>
            {confirmError ? (
              <p className="field__error" id="session-cancel-confirm-error">
                {t("booking.errorCancelConfirm")}
              </p>
            ) : null}
            <label>
              <input
                type="checkbox"
                name="confirm"
                value="yes"
                required
                aria-invalid={confirmError || undefined}
                aria-describedby={["session-cancel-warning", confirmError ? "session-cancel-confirm-error" : null].filter(Boolean).join(" ")}
              />{" "}
              {people > 0 ? t("booking.cancelConfirm", { count: people }) : t("booking.cancelConfirmNobody")}
            </label>
          </div>
          <div>
            <button type="submit" className="button button--danger" disabled={busy}>
              {t("booking.cancelSubmit")}
            </button>
          </div>
        </Form>
      </details>
    </section>
  );
}
