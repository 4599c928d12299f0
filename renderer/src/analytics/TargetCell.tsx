import { useTranslation } from 'react-i18next';
import type { Exposure } from '../../../shared/exposure/model';
import { formatPoints, formatShare } from '../format';

/**
 * A theme's target and its drift, one way in every table (the exposure table's and the
 * household's wrote it two ways): the target, and under it the drift ("+11.0 pts"), so the column
 * stays narrow beside the exposure panel's; outside the band in colour, a ⚠ (not by colour alone)
 * and, for screen readers, in words; the band in the title.
 */
export function TargetCell({ target, testId }: { target: Exposure['themes'][number]['target'] | undefined; testId: string }) {
  const { t } = useTranslation();
  if (!target) return <td className="num target-cell" data-testid={testId} />;
  const drift = formatPoints(target.drift);
  const values = { share: formatShare(target.share), band: (target.band * 100).toFixed(1), drift };
  return (
    <td
      className={target.outside ? 'num target-cell drift-outside' : 'num target-cell'}
      data-testid={testId}
      title={target.outside ? t('Target {{share}} ± {{band}} points; now {{drift}} outside the band', values) : t('Target {{share}} ± {{band}} points; now {{drift}} within the band', values)}
    >
      {formatShare(target.share)}{' '}
      <span className="drift">
        {drift}
        {target.outside && (
          <>
            <span aria-hidden="true"> ⚠</span>
            <span className="visually-hidden"> {t('outside the band')}</span>
          </>
        )}
      </span>
    </td>
  );
}
