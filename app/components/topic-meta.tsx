import { useTranslation } from "react-i18next";
import type { TopicBlock, TopicFormat } from "~/lib/documents";

export { StatusBadge, StatusDetails } from "~/components/status-badge";

/** Block · format · duration, as a compact line of tags. */
export function TopicTags({ block, format, durationMinutes }: { block: TopicBlock; format: TopicFormat; durationMinutes: number }) {
  const { t } = useTranslation();
  return (
    <ul className="tags">
      <li className={`tag tag--block-${block === "SERVICE_DELIVERY" ? "delivery" : "culture"}`}>{t(`blocks.${block}`)}</li>
      <li className="tag">{t(`formats.${format}`)}</li>
      <li className="tag">{t("topic.durationValue", { count: durationMinutes })}</li>
    </ul>
  );
}
