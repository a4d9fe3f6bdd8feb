import { AssessmentFormPage } from './pages/assessment/AssessmentFormPage.tsx';
import { LeaderStatsPage } from './pages/assessment/LeaderStatsPage.tsx';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Route, Routes, useLocation, useNavigate } from 'react-router';
import { api, setCsrfToken, type Me } from './api.ts';
import { AnnouncerProvider, focusWhenPresent, useAnnounce } from './components/Announcer.tsx';
import { SessionTimer } from './components/SessionTimer.tsx';
import { setLanguage } from './i18n/index.ts';
import { AccessibilityStatement } from './pages/AccessibilityStatement.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { BarometerPage } from './pages/BarometerPage.tsx';
import { BoardPage } from './pages/BoardPage.tsx';
import { PulsePage } from './pages/PulsePage.tsx';
import { DayPage } from './pages/DayPage.tsx';
import { SurveyPage } from './pages/SurveyPage.tsx';
import { TrustPage } from './pages/TrustPage.tsx';
import { SelfAssessmentPage } from './pages/trust/SelfAssessmentPage.tsx';
import { VisitPage } from './pages/VisitPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { RecordPage } from './pages/RecordPage.tsx';
import { MedicationsPage } from './pages/medicines/MedicationsPage.tsx';
import { NewPersonPage } from './pages/people/NewPersonPage.tsx';
import { TeamPage } from './pages/TeamPage.tsx';
import { TeamsPage } from './pages/TeamsPage.tsx';
import { SessionContext } from './session.tsx';
import { PlanPage } from './pages/plan/PlanPage.tsx';
import { RotaPage } from './pages/plan/RotaPage.tsx';
import { ReportingPage } from './pages/reporting/ReportingPage.tsx';
import { StaffingPage } from './pages/staffing/StaffingPage.tsx';
import { WhoIsComingPage } from './pages/plan/WhoIsComingPage.tsx';
import { HandoverPage } from './pages/handover/HandoverPage.tsx';
import { ImportPage } from './pages/imports/ImportPage.tsx';
import { IncidentSummaryPage } from './pages/incidents/IncidentSummaryPage.tsx';
import { KprPage } from './pages/statistics/KprPage.tsx';
import { ReportIncidentPage } from './pages/incidents/ReportIncidentPage.tsx';
import { RequestPage } from './pages/requests/RequestPage.tsx';
import { RequestsPage } from './pages/requests/RequestsPage.tsx';
import { PortalInsightPage } from './pages/portal/PortalInsightPage.tsx';
import { PortalPage } from './pages/portal/PortalPage.tsx';

// The chart pages load the chart library only when opened, so the phone app stays small.
const LeaderDialoguePage = lazy(() =>
  import('./pages/trust/LeaderDialoguePage.tsx').then((m) => ({ default: m.LeaderDialoguePage })),
);
const TeamDashboardPage = lazy(() =>
  import('./pages/trust/TeamDashboardPage.tsx').then((m) => ({ default: m.TeamDashboardPage })),
);

/** The accessibility statement, open to everyone (Norwegian public services must publish one). */
const STATEMENT_PATH = '/tilgjengelighet';

/** On every page, the survey and «Hvem kommer?» too: the way to the accessibility statement. */
function StatementFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <Link to={STATEMENT_PATH}>{t('a11y.statement.title')}</Link>
    </footer>
  );
}

function home(me: Me) {
  if (me.role === 'citizen') return '/min-side';
  if (me.role === 'admin') return '/audit';
  if (me.role === 'member' && me.staffId) return '/day';
  return '/teams';
}

/** The app with its one live region (components/Announcer.tsx) around everything, the survey too. */
export function App() {
  return (
    <AnnouncerProvider>
      <AppBody />
    </AnnouncerProvider>
  );
}

/**
 * After a move to another page, focus goes to its heading (WCAG 2.4.3), so a keyboard or
 * screen-reader user starts at the new content instead of on the body or a link that is gone.
 */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    // A notice that explains why the user is here (the session ended) comes before the heading.
    focusWhenPresent('main [data-arrival-focus], main h1', 60);
  }, [pathname]);
}

function AppBody() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const announce = useAnnounce();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [ended, setEnded] = useState(false);
  useFocusOnNavigation();
  // The session ran out (the warning was not answered): log-in page, with a notice that says why.
  const sessionEnded = useCallback(() => {
    setMe(null);
    setEnded(true);
    navigate('/login');
  }, [navigate]);

  useEffect(() => {
    api<Me>('GET', '/api/auth/me')
      .then((m) => {
        setCsrfToken(m.csrfToken);
        setMe(m);
      })
      .catch(() => setMe(null));
  }, []);

  const onLoggedIn = (m: Me) => {
    setCsrfToken(m.csrfToken);
    setMe(m);
    setEnded(false);
    navigate(home(m));
    announce(t('a11y.loggedIn', { name: m.displayName }));
  };
  const logOut = () => {
    void api('POST', '/api/auth/logout').finally(() => {
      setMe(null);
      navigate('/login');
    });
  };
  const toggleLanguage = () => setLanguage(i18n.language === 'nb' ? 'en' : 'nb');

  // The survey is answered on a handed-over tablet or through a link: no menu, no session needed.
  if (location.pathname.startsWith('/survey/') || location.pathname.startsWith('/who/')) {
    return (
      <>
        <main id="main" tabIndex={-1}>
          <Routes>
            <Route path="/survey/:token" element={<SurveyPage />} />
            <Route path="/who/:token" element={<WhoIsComingPage />} />
          </Routes>
        </main>
        <StatementFooter />
      </>
    );
  }
  if (me === undefined) return <p className="loading">{t('common.loading')}</p>;

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <Link to={me ? home(me) : '/login'} className="brand">
          {t('app.name')}
        </Link>
        {me?.role === 'citizen' && (
          <nav aria-label={t('nav.main')}>
            <NavLink to="/min-side" end>
              {t('portal.nav')}
            </NavLink>
            <NavLink to="/min-side/innsyn">{t('portal.navInsight')}</NavLink>
          </nav>
        )}
        {me && me.role !== 'citizen' && (
          <nav aria-label={t('nav.main')}>
            {me.role === 'member' && <NavLink to="/day">{t('nav.day')}</NavLink>}
            <NavLink to={me.role === 'member' && me.teamIds.length === 1 ? `/teams/${me.teamIds[0]}` : '/teams'} end>
              {me.role === 'member' ? t('nav.myTeam') : t('nav.teams')}
            </NavLink>
            {me.role === 'member' && me.teamIds.length === 1 && (
              <NavLink to={`/teams/${me.teamIds[0]}/board`}>{t('nav.board')}</NavLink>
            )}
            {me.role === 'member' && me.teamIds.length === 1 && (
              <NavLink to={`/teams/${me.teamIds[0]}/handover`}>{t('handover.nav')}</NavLink>
            )}
            {me.role === 'member' && me.teamIds.length === 1 && (
              <NavLink to={`/teams/${me.teamIds[0]}/plan`}>{t('nav.plan')}</NavLink>
            )}
            {me.role === 'member' && me.teamIds.length === 1 && (
              <NavLink to={`/teams/${me.teamIds[0]}/trust`}>{t('nav.trust')}</NavLink>
            )}
            {me.role !== 'admin' && <NavLink to="/pulse">{t('nav.pulse')}</NavLink>}
            {me.role === 'leader' && <NavLink to="/barometer">{t('nav.barometer')}</NavLink>}
            {me.role === 'leader' && <NavLink to="/dialogue">{t('nav.dialogue')}</NavLink>}
            {me.role === 'leader' && <NavLink to="/incidents">{t('incidents.summaryTitle')}</NavLink>}
            {me.role === 'leader' && <NavLink to="/self-assessment">{t('nav.selfAssessment')}</NavLink>}
            {me.role !== 'member' && <NavLink to="/kpr">{t('statistics.nav')}</NavLink>}
            {me.role !== 'member' && <NavLink to="/statistics">{t('assessment.stats.nav')}</NavLink>}
            {me.role === 'admin' && <NavLink to="/audit">{t('nav.audit')}</NavLink>}
            {me.role === 'admin' && <NavLink to="/imports">{t('imports.nav')}</NavLink>}
            <NavLink to="/register">{t('reporting.nav')}</NavLink>
          </nav>
        )}
        <div className="topbar-actions">
          <button
            type="button"
            className="link-button"
            onClick={toggleLanguage}
            lang={i18n.language === 'nb' ? 'en' : 'nb'}
          >
            {t('nav.language')}
          </button>
          {me && (
            <button type="button" className="link-button" onClick={logOut}>
              {t('nav.logout')}
            </button>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {me && <SessionTimer key={me.csrfToken} secondsLeft={me.sessionSecondsLeft} onEnded={sessionEnded} />}
        {!me && ended && (
          <p id="session-ended" role="alert" tabIndex={-1} data-arrival-focus className="alert alert-warn">
            {t('a11y.session.ended')}
          </p>
        )}
        {me?.role === 'citizen' ? (
          // A person served or their next of kin: their own pages only (the server's gate says the same).
          <SessionContext.Provider value={{ me, logOut }}>
            <Routes>
              <Route path="/min-side" element={<PortalPage />} />
              <Route path="/min-side/innsyn" element={<PortalInsightPage />} />
              <Route path={STATEMENT_PATH} element={<AccessibilityStatement />} />
              <Route path="*" element={<Navigate to="/min-side" replace />} />
            </Routes>
          </SessionContext.Provider>
        ) : me ? (
          <SessionContext.Provider value={{ me, logOut }}>
            <Routes>
              <Route path="/teams" element={<TeamsPage />} />
              <Route path="/teams/:id" element={<TeamPage />} />
              <Route path="/teams/:id/board" element={<BoardPage />} />
              <Route path="/teams/:id/handover" element={<HandoverPage />} />
              <Route path="/teams/:id/incidents/new" element={<ReportIncidentPage />} />
              <Route path="/incidents" element={<IncidentSummaryPage />} />
              <Route path="/kpr" element={<KprPage />} />
              <Route path="/teams/:id/plan" element={<PlanPage />} />
              <Route path="/teams/:id/rota" element={<RotaPage />} />
              <Route path="/teams/:id/trust" element={<TrustPage />} />
              <Route
                path="/teams/:id/dashboard"
                element={
                  <Suspense fallback={<p>{t('common.loading')}</p>}>
                    <TeamDashboardPage />
                  </Suspense>
                }
              />
              <Route
                path="/dialogue"
                element={
                  <Suspense fallback={<p>{t('common.loading')}</p>}>
                    <LeaderDialoguePage />
                  </Suspense>
                }
              />
              <Route path="/self-assessment" element={<SelfAssessmentPage />} />
              <Route path="/people/:id" element={<RecordPage />} />
              <Route path="/people/:id/medicines" element={<MedicationsPage />} />
              <Route path="/people/:id/assessment/new" element={<AssessmentFormPage />} />
              <Route path="/statistics" element={<LeaderStatsPage />} />
              <Route path="/teams/:id/people/new" element={<NewPersonPage />} />
              <Route path="/day" element={<DayPage />} />
              <Route path="/visits/:id" element={<VisitPage />} />
              <Route path="/audit" element={<AuditPage />} />
              <Route path="/imports" element={<ImportPage />} />
              <Route path="/pulse" element={<PulsePage />} />
              <Route path="/barometer" element={<BarometerPage />} />
              <Route path="/register" element={<ReportingPage />} />
              <Route path="/teams/:id/staffing" element={<StaffingPage />} />
              <Route path="/teams/:id/requests" element={<RequestsPage />} />
              <Route path="/requests/:id" element={<RequestPage />} />
              <Route path={STATEMENT_PATH} element={<AccessibilityStatement />} />
              <Route path="*" element={<Navigate to={home(me)} replace />} />
            </Routes>
          </SessionContext.Provider>
        ) : (
          <Routes>
            <Route path="/login" element={<LoginPage onLoggedIn={onLoggedIn} />} />
            <Route path={STATEMENT_PATH} element={<AccessibilityStatement />} />
            <Route path="*" element={<Navigate to="/login" replace />} />
          </Routes>
        )}
      </main>
      <StatementFooter />
    </>
  );
}
