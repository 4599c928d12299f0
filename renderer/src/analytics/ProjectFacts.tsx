import { useTranslation } from 'react-i18next';
import { projectsFor, projectText } from '../../../shared/suggestions/projects';
import { currentLanguage } from '../i18n';
import { formatDate } from '../format';

/**
 * The program's projects behind the default themes, with where each fact comes from. A source is
 * shown as text to copy, not a link: the app never opens a page by itself.
 */
export function ProjectFacts({ themes }: { themes: readonly { id: string; name: string; color: string }[] }) {
  const { t } = useTranslation();
  const shown = projectsFor(themes);
  if (shown.length === 0) return null;
  return (
    <section className="panel wide" aria-labelledby="projects-heading" data-testid="project-facts">
      <h2 id="projects-heading">{t('Where the default themes come from')}</h2>
      <p className="muted small">{t("The first three projects of Japan's $550 billion US investment program, announced {{date}}.", { date: formatDate(shown[0]!.announced) })}</p>
      <div className="projects">
        {shown.map((p) => {
          const theme = themes.find((th) => th.id === p.themeId)!;
          const words = projectText(p, currentLanguage());
          return (
            <article key={p.themeId} className="project" data-testid={`project-${p.themeId}`}>
              <h3>
                <span className="swatch" style={{ background: theme.color }} />
                {theme.name}
              </h3>
              <p className="small">
                <strong>{words.name}</strong>: {words.summary}
              </p>
              <dl>
                <dt>{t('Sponsor')}</dt>
                <dd>{words.sponsor}</dd>
                <dt>{t('Where')}</dt>
                <dd>{words.location}</dd>
                <dt>{t('Size', { context: 'project' })}</dt>
                <dd>{words.size}</dd>
                <dt>{t('Announced')}</dt>
                <dd>{formatDate(p.announced)}</dd>
              </dl>
              {p.sources.map((s) => (
                <p key={s.url} className="source">
                  {t('Source: {{title}}.', { title: s.title })} <span className="url">{s.url}</span>
                </p>
              ))}
            </article>
          );
        })}
      </div>
    </section>
  );
}
