/**
 * The one stop-word list: common English function words plus the boilerplate of paper
 * abstracts ("paper", "propose", "results", "state-of-the-art"). Matched against the lower-case
 * surface form before stemming, so inflections that should go are listed explicitly
 * ("propose", "proposes", "proposed", "proposing"); matching on stems would also remove
 * unrelated words that happen to share a stem ("general" and "generative" both stem to "gener").
 */

const ENGLISH = `
a about above across after afterwards again against all almost alone along already also although
always am among amongst an and another any anyhow anyone anything anyway anywhere are around as at
back be became because become becomes becoming been before beforehand behind being below beside
besides between beyond both but by can cannot could did do does doing done down due during each
either else elsewhere enough especially etc even ever every everyone everything everywhere except
few for former formerly from further furthermore had has have having he hence her here hereafter
hereby herein hers herself him himself his how however i ie if in indeed instead into is it its
itself just last latter latterly least less many may me meanwhile might mine more moreover most
mostly much must my myself namely neither never nevertheless next no nobody none nor not nothing
now nowhere of off often on once one only onto or other others otherwise our ours ourselves out
over own per perhaps please quite rather re really same seem seemed seeming seems several she
should since so some somehow someone something sometime sometimes somewhere still such than that
the their theirs them themselves then thence there thereafter thereby therefore therein thereupon
these they this those though through throughout thru thus to together too toward towards under
unless until up upon us very via was we well were what whatever when whence whenever where
whereafter whereas whereby wherein whereupon wherever whether which while whither who whoever
whole whom whose why will with within without would yet you your yours yourself yourselves
isn aren wasn weren hasn haven hadn doesn don didn won wouldn shan shouldn can couldn mustn
let lets get gets got getting make makes made making like likely unlike
two three four five six seven eight nine ten first second third fourth fifth
e.g i.e eg cf vs et al
`;

/** Words that say nothing about a paper's topic because every abstract uses them. */
const ACADEMIC = `
paper papers article articles work works study studies studied studying research
propose proposes proposed proposing proposal present presents presented presenting
introduce introduces introduced introducing
approach approaches method methods methodology technique techniques
result results resulting
show shows showed shown showing demonstrate demonstrates demonstrated demonstrating
novel new state-of-the-art sota existing recent recently previous prior current currently
achieve achieves achieved achieving outperform outperforms outperformed outperforming
significant significantly substantial substantially extensive extensively effective effectively
improve improves improved improving improvement improvements
use uses used using utilize utilizes utilized utilizing leverage leverages leveraged leveraging
based various different several key main important able including include includes included
provide provides provided providing enable enables enabled enabling address addresses addressed
addressing
furthermore additionally specifically particular particularly finally overall generally typically
also however thus therefore moreover respectively well often widely commonly
experiment experiments experimental experimentally evaluate evaluates evaluated comprehensive conduct conducted
aim aims focus focuses focused investigate investigates investigated explore explores explored
consider considers considered describe describes described discuss discusses discussed
finding findings
code available publicly github
problem problems task tasks challenge challenges challenging
superior strong stronger competitive remarkable promising impressive wide wider
remain remains remained underexplored unexplored largely poorly reveal reveals revealed page
section sections introduction conclusion conclusions see given follow follows following
assume assumes assumed assuming define defines defined
`;

function parseWordList(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

/** English stop words and academic boilerplate, lower case, matched on the surface form. */
export const STOP_WORDS: ReadonlySet<string> = new Set([...parseWordList(ENGLISH), ...parseWordList(ACADEMIC)]);
