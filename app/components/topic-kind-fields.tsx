import { useTranslation } from "react-i18next";
import { SelectField } from "~/components/form-fields";
import { TOPIC_BLOCKS, TOPIC_FORMATS } from "~/lib/documents";

/**
 * The topic's block and format, side by side. A new topic must choose both (`mustChoose` adds a
 * disabled "choose…" option and makes them required); an existing one starts from its values.
 */
export function TopicKindFields({
  block,
  format,
  errors,
  mustChoose = false,
}: {
  block: string;
  format: string;
  errors: { block?: string; format?: string };
  mustChoose?: boolean;
}) {
  const { t } = useTranslation();
  const choose = mustChoose ? (
    <option value="" disabled>
      {t("suggest.choose")}
    </option>
  ) : null;
  return (
    <div className="form__row">
      <SelectField label={t("suggest.fieldBlock")} name="block" required={mustChoose} defaultValue={block} error={errors.block}>
        {choose}
        {TOPIC_BLOCKS.map((b) => (
          <option key={b} value={b}>
            {t(`blocks.${b}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("suggest.fieldFormat")} name="format" required={mustChoose} defaultValue={format} error={errors.format}>
        {choose}
        {TOPIC_FORMATS.map((f) => (
          <option key={f} value={f}>
            {t(`formats.${f}`)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
