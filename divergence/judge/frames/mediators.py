"""Who mediated an end to fighting, a release of captives or another settlement ("the US
brokered the ceasefire", "thanks to Qatar's mediation", "the swap was negotiated by the Red
Cross"), and who says no one did ("agreed directly, with no third party"). Read for
``credit.frame_credits``."""

from __future__ import annotations

import re
from functools import lru_cache

from ...lazy_re import lazy
from ..credits import Credit
from ..gate import Gate
from .agents import AGENT_NP as _AGENT_NP
from .agents import AGENTS_NP as _AGENTS_NP
from .agents import PRONOUN, credits_for

_MEDIATION = (r"mediat\w+|brokered|broker|negotiated|facilitated|secured|engineered|"
              r"helped\s+(?:to\s+)?(?:broker|secure|negotiate|mediate|reach)|"
              # "helped the two sides reach the deal": a mediator's help, not a party's
              r"helped\s+(?:the\s+)?(?:two\s+|both\s+)?(?:sides|parties|leaders|governments|"
              r"neighbou?rs|rivals|foes|enemies)\s+(?:to\s+)?(?:reach|agree\s+on|strike|seal)")
# What a credit frame beyond the fixed phrases must be about: an end to fighting, not any deal.
PEACE = (r"(?:cease-?fires?|truces?|armistice|de-?escalation|cessation\s+of\s+hostilities|"
         r"peace\s+(?:deal|agreement|accord|talks|pact|plan)|hostage\s+(?:deal|release)|"
         r"(?:ceasefire|truce)\s+(?:deal|agreement)|pause\s+in\s+(?:the\s+)?fighting|"
         r"humanitarian\s+pause\b|pause\s+in\s+(?:the\s+)?(?:hostilities|attacks|strikes)\b|"
         r"(?:halt|stop|end)\s+to\s+(?:the\s+)?(?:fighting|firing|hostilities|shelling|"
         r"military\s+action)|cessation\s+of\s+(?:firing|fighting|military\s+action))")
_NO_THIRD = lazy(
    r"\b(?:without\s+(?:any\s+|a\s+|an\s+)?(?:mediation|mediators?|intermediar(?:y|ies)|"
    r"go-betweens?|"
    r"third[- ]part(?:y|ies)|outside\s+(?:help|involvement|mediation|prompting|pressure)|"
    r"external\s+\w+|"
    r"foreign\s+\w+|international\s+\w+)|"
    # "there was no role of any third country in it"
    r"no\s+(?:role|part|hand|involvement)\s+(?:of|for|by)\s+(?:any\s+|a\s+)?(?:third[- ]"
    r"(?:part(?:y|ies)|countr(?:y|ies)|nations?)|outsiders?|outside\s+\w+|foreign\s+\w+|"
    r"external\s+\w+|other\s+(?:countr(?:y|ies)|nations?))|"
    # "without the involvement of any outside party"; "in direct talks between their defence
    # ministers", "followed face-to-face talks with Brennish officials" (not "in direct talks
    # held in Malaysia": a host may mediate talks the leaders hold face to face)
    r"without\s+the\s+(?:involvement|help|mediation)\s+of\s+(?:any\s+)?(?:outside|foreign|"
    r"third|other|external)\b|(?:direct|face-to-face)\s+(?:talks|negotiations|contacts?|"
    r"exchanges?)\s+between\b(?![^.;]*\b(?:host|chair|mediat|broker|facilitat|envoy))|"
    r"no\s+(?:third[- ]party|mediators?|mediation|intermediar(?:y|ies)|go-betweens?|"
    r"outside\s+(?:party|help|"
    r"involvement|mediation))|(?:directly|bilaterally)\s+(?:between|by|with)|"
    r"agreed\s+bilaterally|reached\s+directly|worked\s+out\s+directly|"
    # "reached the ceasefire directly", "agreed the truce directly", "between themselves"
    r"(?:reached|agreed|negotiated|worked\s+out|struck|concluded|sealed)\s+(?:the\s+|a\s+|an\s+|"
    r"this\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:directly|bilaterally|between\s+themselves|"
    r"among\s+themselves|on\s+their\s+own|(?:by\s+)?themselves)\b|"
    r"not\s+(?:any|a)\s+(?:foreign|outside|third[- ]party|international)\s+mediators?|"
    r"(?:dismiss|deny|denie|reject|rul)\w*\s+(?:out\s+)?any\s+role\s+(?:by|for|of)\s+"
    r"(?:outside|foreign|external|third[- ]party)\s+mediators|"
    # "mediators had nothing to do with it", "no outside government had any role in it",
    # "a purely bilateral matter"
    r"(?:mediators?|intermediar(?:y|ies)|third[- ]part(?:y|ies)|outsiders?|(?:foreign|outside)\s+"
    r"(?:governments?|powers?|states?|countr(?:y|ies)))\s+(?:had|played)\s+(?:nothing\s+to\s+do|"
    r"no\s+(?:part|role))|no\s+(?:outside|foreign|other|third)\s+(?:organi[sz]ations?|"
    r"governments?|states?|countr(?:y|ies)|powers?|actors?|part(?:y|ies)|leaders?|nations?|"
    r"mediators?|capitals?)\s+(?:was\s+|were\s+)?"
    r"(?:involved|had\s+any\s+role|(?:had\s+|has\s+)?played\s+any\s+(?:part|role))|"
    # "in talks between the two commanders alone"; "not because of any outside help"
    r"\bbetween\s+(?:the\s+)?(?:two\s+)?(?:[\w'’-]+\s+){0,4}?[\w'’-]+\s+alone\b|"
    r"\bnot\s+(?:because\s+of|due\s+to|thanks\s+to|through)\s+any\s+(?:outside|foreign|"
    r"external|international|third[- ]party)\s+\w+|"
    r"(?:purely|strictly|entirely)\s+(?:a\s+)?bilateral|"
    # "owed nothing to any mediator", "outside parties had played no role", "no external
    # organisation was involved", "no mediator was involved"
    r"owed\s+nothing\s+to\s+(?:any\s+)?(?:mediators?|intermediar(?:y|ies)|outsiders?|"
    r"(?:outside|foreign|external|third)\s+\w+)|"
    r"(?:outside|external|foreign|third)\s+(?:part(?:y|ies)|actors?|countr(?:y|ies)|powers?|"
    r"organi[sz]ations?|governments?|states?)\s+(?:had\s+|have\s+|has\s+)?(?:played|had)\s+"
    r"no\s+(?:part|role|hand)|"
    r"no\s+(?:mediators?|intermediar(?:y|ies)|go-betweens?|(?:outside|foreign|other|third|"
    r"external)\s+(?:[\w-]+\s+)?(?:part(?:y|ies)|organi[sz]ations?|actors?|countr(?:y|ies)|"
    r"governments?|states?|powers?|mediators?))\s+(?:was|were|had\s+been|has\s+been)\s+"
    r"(?:involved|present|needed)|"
    # "the result of bilateral talks and nobody else's"
    r"(?:result|outcome|product|fruit)\s+of\s+(?:direct\s+|purely\s+)?bilateral\s+(?:talks|"
    r"negotiations|contacts|discussions|efforts)\s+(?:alone|and\s+(?:nobody|no\s+one)\s+"
    r"else['’]?s?)\b|"
    # a denial, a third party and a role, near each other: "denied any third-party role in it",
    # "no other country had mediated the truce", "rejected any foreign mediation"
    r"(?:\bno|\bnot\s+any|den(?:y|ies|ied)\s+(?:any|that\s+any)|reject(?:s|ed)?\s+(?:any|all)|"
    r"rul(?:es|ed)\s+out(?:\s+any)?|dismiss(?:es|ed)?(?:\s+any)?)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:third[- ](?:part(?:y|ies)|countr(?:y|ies)|nations?)|outside(?:rs?)?|foreign|external|"
    r"other\s+(?:countr(?:y|ies)|nations?|governments?|states?|powers?|part(?:y|ies)))"
    r"(?:\s+(?:had|has|have|was|were|is|are|been|any|a|an|the|played))*\s+"
    r"(?:role|part|hand|involvement|mediation|intervention|help|assistance|"
    r"(?:had\s+|has\s+)?(?:mediated|brokered|facilitated)|(?:was|were)\s+involved)\b)", re.I)


# A release of captives, and any other settlement: what else a mediator may be credited with.
TAKEN = r"(?:hostages?|captives?|prisoners?|detainees?|POWs?)"  # people held as captives
_HELD = (rf"(?:{TAKEN}|workers|crew|sailors|journalists|fishermen|soldiers|tourists|"
         r"passengers|engineers|nationals|citizens|abductees|missionaries|students|pilots|"
         r"teachers|schoolteachers|guards|doctors|nurses|villagers)")
_RELEASE = lazy(
    rf"\b(?:{_HELD}\s+(?:\w+\s+){{0,5}}?(?:were|was|had\s+been|have\s+been|has\s+been)\s+"
    rf"(?:freed|released|let\s+go)|release\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?{_HELD}|"
    r"(?:secured|won|obtained)\s+(?:their|his|her|the)\s+(?:freedom|release)|"
    r"(?:agreed|decided)\s+to\s+(?:free|release)\b|\b[A-Z][\w-]*['’]s\s+release|"
    # "released 30 captured border guards", "freeing the engineers"
    rf"(?:released|freed|freeing|releasing)\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?{_HELD})\b",
    re.I)
# A strike, lockout or walkout of labour (not "a drone strike", "a late strike" in a match).
_LABOUR = (r"(?<!air\s)(?<!drone\s)(?<!missile\s)(?<!rocket\s)(?<!military\s)(?<!late\s)"
           r"(?<!first\s)strike|lockout|walkout|sit-in")
_SETTLEMENT = lazy(r"\b(?:deal|agreement|accord|settlement|pact|treaty|(?:(?:prisoner|"
                         r"captive|hostage)s?\s+)?swap|(?:prisoner|captive|hostage)s?\s+exchange|"
                         r"evacuation|(?:humanitarian\s+)?corridor|(?:end\s+(?:of|to)|ending|"
                         r"end(?:ed|s)?|lift(?:ed|ing)?|settl(?:e|ed|es|ing))\s+"
                         # not "ended in a walkout", "ended with a late strike", "settled into"
                         r"(?!(?:in|with|into|up|down|for)\b)(?:the\s+|its\s+)?"
                         r"(?:[\w-]+\s+){0,3}?(?:dispute|stand-?off|crisis|row|siege|blockade|"
                         rf"{_LABOUR})|"
                         # "the strike ended after ...", "the standoff was called off"
                         rf"(?:siege|blockade|stand-?off|{_LABOUR})\s+"
                         r"(?:[\w-]+\s+){0,4}?(?:was\s+|had\s+been\s+)?"
                         r"(?:lifted|ended|called\s+off|settled)|"
                         r"exchange\s+of\s+(?:[\w-]+\s+){0,2}?(?:prisoners|captives|hostages|"
                         r"detainees|bodies))\b", re.I)
# ... in it: at the end of its clause ("Kenya was not involved"), or in the outcome ("in the
# prisoner swap", "in ending the standoff"), not in something else ("in the border closure").
_IN_IT = (r"(?=\s*(?:[,;.]|$|at\s+any|and\b|but\b)|\s+(?:in|with)\s+(?:[\w'’-]+\s+){0,4}?(?:"
          r"ceasefire|truce|deal|agreement|accord|talks|negotiations|release|swap|exchange|"
          r"evacuation|mediation|process|it|them|ending|brokering|securing)\b)")
# A named actor said to have had no part in it: "Kenya had not been involved at any stage",
# "Ruen played no part", "without any involvement from the Marrak government", "Turkish officials
# said they had not arranged the evacuation".
_NOT_MEDIATOR = tuple(lazy(rx) for rx in (
    rf"{_AGENT_NP}(?:['’]s\s+[a-z]+)?\s+(?:was|were|had|has|have)\s+(?:not|never)\s+(?:been\s+)?"
    rf"involved{_IN_IT}",
    rf"{_AGENT_NP}(?:['’]s\s+[a-z]+)?\s+(?:had|has|have|played|took)\s+no\s+(?:part|role|hand)"
    rf"{_IN_IT}",
    # "with Kenya playing no role at any point", "Kenya having had no part in it"
    rf"\bwith\s+{_AGENT_NP}\s+(?:playing|having\s+(?:had|played))\s+no\s+(?:part|role|hand)\b",
    # "no involvement from the president", "with no input from Qatar"
    rf"\b(?:with\s+)?no\s+(?:involvement|input|help|role|part)\s+(?:at\s+all\s+)?(?:from|by|"
    rf"of)\s+{_AGENT_NP}",
    rf"\bwithout\s+(?:any\s+)?(?:involvement|help|mediation|role)\s+(?:from|of|by)\s+{_AGENT_NP}",
    # "the Emir of Sabrat had 'nothing whatsoever to do' with freeing the guards"
    rf"{_AGENT_NP}\s+(?:had|has|have)\s+(?:had\s+)?['‘\"]?nothing\s+(?:whatsoever\s+|at\s+all\s+)?"
    r"to\s+do['’\"]?\s+with\s+(?:it|them|that|this|(?:the\s+|their\s+|its\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:ceasefire|truce|deal|agreement|accord|release|freeing|swap|exchange|peace|end|talks))\b",
    # "the Kovian president's call had nothing to do with it"
    rf"{_AGENT_NP}(?:\s+[a-z]+)?['’]s\s+(?:[a-z]+\s+){{0,2}}?(?:call|calls|intervention|mediation|"
    rf"efforts|role|diplomacy|pressure)\s+(?:had|has|have)\s+nothing\s+to\s+do\s+with\s+(?:it|them|"
    r"that|this|(?:the\s+|their\s+|its\s+)?(?:[\w'’-]+\s+){0,3}?(?:ceasefire|truce|deal|"
    r"agreement|accord|release|swap|peace|end))\b",
    rf"(?:{_AGENT_NP}|(?P<pronoun>\b(?:he|she|they)))\s+(?:had|has|have|did)\s+(?:not|never)\s+"
    r"(?:arranged?|brokered|broker|mediated|mediate|negotiated|negotiate|secured|secure)\b",
))
# Not a name: "foreign mediators", "international mediators" say who mediated no more than
# "the mediators" do.
_NAMED = (r"(?!(?:[Ff]oreign|[Oo]utside|[Ee]xternal|[Ii]nternational|[Rr]egional|[Ii]ndependent|"
          r"[Ll]ocal|[Tt]hird)\b)")
# Phrases that name a mediator, read in a claim about an end to fighting (``PEACE``), a release
# or a settlement; each kind is compared only with its own.
# "patient", "quiet shuttle": a quality of the mediation, not a word of another clause ("signed
# in Vellis after mediation") nor a side's arms ("military intervention")
_OUTCOME = (r"\b(?:truce|ceasefire|cease-fire|deal|accord|agreement|peace|treaty|settlement|"
            r"release|swap|exchange|compromise|corridor|pact)s?\b")  # what a mediator brings
_QUALITY = (r"(?:(?!(?:military|armed|after|before|following|since|during|and|or|but|the|an?|of|"
            r"in|on|at|by|for|with|from|to|under|amid|without|through|over|despite|via|relief|"
            r"humanitarian|war|gunboat|aid|rescue|reconstruction|recovery|evacuation|search|"
            r"development|security|defen[cs]e|economic|trade|vaccination)\b)[a-z]+\s+){0,2}?")
# efforts that failed credit no one ("Lusmoor's efforts to stop the fighting collapsed")
_NOT_FAILED = (r"(?![^.;]{0,60}\b(?:collapsed|failed|faltered|stalled|foundered|came\s+to\s+"
               r"nothing)\b)")
_MEDIATOR_PHRASES = tuple(lazy(rx) for rx in (
    rf"(?:mediation|brokering|help|efforts?|intervention|pressure)\s+(?:of|by|from)\s+{_AGENTS_NP}",
    # "Oman's patient mediation", "Brennmark's quiet diplomacy", "Egypt's efforts" (not
    # "Russia's military intervention": a side's arms end nothing as a mediator)
    rf"{_AGENTS_NP}['’]s?\s+{_QUALITY}(?<!military\s)(?<!forces\s)(?<!army\s)(?:mediation|"
    rf"brokering|intervention|efforts|diplomacy)\b{_NOT_FAILED}",
    # "Qatari mediation" (not "US peace efforts", "Russian intervention", "Dorian diplomacy":
    # what a side does of its own)
    rf"{_AGENTS_NP}\s+{_QUALITY}(?<!military\s)(?<!peace\s)(?:mediation|brokering)\b",
    # "his administration helped broker the ceasefire", "he had spoken to both leaders and
    # helped secure the truce": the speaker's own
    rf"(?<![\w’'-])(?P<agent>[Hh]is|[Hh]er|[Tt]heir)\s+(?:administration|government)\s+"
    rf"(?:has\s+|had\s+|have\s+)?(?:{_MEDIATION})\b",
    r"(?<![\w’'-])(?P<agent>[Hh]e|[Ss]he|[Tt]hey)\s+(?:had\s+|has\s+|have\s+)?(?:[^.;,]{0,60}?"
    r"\s+and\s+)?(?:helped\s+(?:to\s+)?(?:broker|secure|negotiate|mediate)|brokered|mediated)\b",
    # "he had personally stopped the war": his (not "they stopped the war": a side's own act);
    # "President Hale had personally stopped the war": a named one's, claimed as his own doing
    r"(?<![\w’'-])(?P<agent>[Hh]e|[Ss]he)\s+(?:had\s+|has\s+|have\s+)?(?:personally\s+|"
    r"single-handedly\s+)?(?:stopped|ended|halted)\s+the\s+(?:[\w-]+\s+)?(?:war|fighting|"
    r"conflict|hostilities)\b",
    rf"{_NAMED}{_AGENT_NP}\s+(?:had\s+|has\s+|have\s+)?(?:personally|single-handedly)\s+"
    r"(?:stopped|ended|halted)\s+the\s+(?:[\w-]+\s+)?(?:war|fighting|conflict|hostilities)\b",
    # "the truce came after Tessary intervened"
    rf"\b(?:after|once|when)\s+{_AGENTS_NP}(?<!army)(?<!forces)(?<!troops)(?<!military)\s+"
    r"(?:had\s+)?(?:intervened|stepped\s+in)\b(?!\s+(?:on|militarily|with)\b)",
    # "his personal intervention ended the war": the speaker's own
    # (not "their negotiators won the release": a party's own, as "Hamas negotiators" are)
    rf"(?<![\w’'-])(?P<agent>[Hh]is|[Hh]er|[Tt]heir)\s+{_QUALITY}(?:mediation|intervention|"
    rf"diplomacy)\b{_NOT_FAILED}",
    rf"{_NAMED}{_AGENTS_NP}\s+mediators\b",  # "Qatari and Egyptian mediators met both sides"
    # "Washington pressed both sides into accepting the ceasefire"
    rf"{_NAMED}{_AGENTS_NP}\s+(?:has\s+|had\s+|have\s+)?(?:pressed|pushed|pressured|persuaded|"
    rf"convinced|coaxed|nudged)\s+(?:both|the\s+two|the\s+warring)\s+(?:sides|parties|"
    rf"countries|governments|armies|leaders|neighbou?rs|rivals|factions)\s+(?:into|to)\s+"
    rf"(?:accept(?:ing)?|agree(?:ing)?|sign(?:ing)?|observ(?:e|ing)|halt(?:ing)?|stop(?:ping)?)\b",
    # "Interior Minister Sela Drago took credit for the opening of the corridor" (a truce's
    # credit taken is read by ``credit`` too; here also a release's or a deal's)
    rf"{_AGENT_NP}\s+(?:has\s+|had\s+)?(?:took|claimed|takes|claims|taken)\s+(?:the\s+|a\s+)?"
    r"(?:share\s+of\s+the\s+)?credit\s+for\b",
    # "Jordan's king was the architect of the truce", "the accord was the work of Ethiopian
    # envoys", "the credit for the deal belongs to Brandt"
    rf"{_AGENTS_NP}(?:['’]s\s+[a-z]+)?\s+(?:was|were|had\s+been)\s+the\s+(?:chief\s+|main\s+|"
    rf"real\s+)?architects?\s+of\s+(?:the\s+|this\s+|a\s+)?(?:[\w'’-]+\s+){{0,3}}?{_OUTCOME}",
    rf"(?<!\bof\s)(?<!\bof\sthe\s)(?<!\bof\sa\s){_OUTCOME}(?:\s+[\w'’-]+){{0,4}}?\s+(?:was|were|is|"
    rf"are)\s+(?:entirely\s+|largely\s+|"
    rf"mostly\s+|solely\s+)?the\s+work\s+of\s+{_AGENTS_NP}",
    rf"\b[Cc]redit\s+for\s+[^.;]{{1,80}}?\s+(?:belongs|goes|went)\s+to\s+{_AGENTS_NP}",
    # "the agreement was the fruit of Qatari efforts", "the product of Oman's quiet diplomacy"
    rf"{_OUTCOME}(?:\s+[\w'’-]+){{0,4}}?\s+(?:was|were|is|are)\s+(?:largely\s+|entirely\s+)?"
    rf"the\s+(?:fruit|product)\s+of\s+{_AGENTS_NP}(?:['’]s)?\s+{_QUALITY}(?:efforts|mediation|"
    rf"diplomacy|good\s+offices)\b",
    # "he alone had persuaded the two leaders to sign the treaty"
    rf"(?:{_AGENT_NP}|(?<![\w’'-])(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey))\s+(?:alone\s+|personally\s+|"
    rf"himself\s+|herself\s+)?(?:had\s+|has\s+)?(?:persuaded|convinced)\s+(?:[\w'’-]+\s+){{0,4}}?"
    rf"(?:both|two|leaders|sides|parties|governments|factions|armies|captors|kidnappers|"
    rf"commanders)\b(?:\s+[\w'’-]+){{0,4}}?\s+to\s+(?:sign|accept|agree|stop|halt|end|release|"
    rf"free|lay\s+down|hold|let)\b",
    rf"\b(?:thanks\s+to|credited|with\s+the\s+help\s+of)\s+{_AGENTS_NP}",
    rf"{_NAMED}{_AGENT_NP}\s+(?:has\s+|had\s+|have\s+)?(?:personally\s+|quietly\s+|"
    rf"single-handedly\s+)?(?:{_MEDIATION})\b",
    # "Qatar and Egypt mediated": two mediators (not "Congo and Rwanda negotiated": the parties)
    rf"{_AGENTS_NP}\s+(?:has\s+|had\s+|have\s+)?(?:mediated|brokered|helped\s+(?:the\s+)?"
    rf"(?:two\s+|both\s+)?(?:sides|parties)\s+(?:to\s+)?(?:reach|agree\s+on|strike|seal))\b",
    # "X had a central role in mediating the truce" (not "a role in the talks": a party to them
    # has one too)
    rf"{_AGENTS_NP}\s+(?:has\s+|had\s+|have\s+)?(?:played|had)\s+(?:a|the)\s+(?:leading|key|"
    rf"central|major|crucial|important|pivotal|decisive)\s+role\s+in\s+(?:mediating|brokering|"
    rf"the\s+mediation|securing|negotiating)",
    # "the Isle of Monn played a decisive intermediary role in ending the blockade"
    rf"{_AGENTS_NP}\s+(?:has\s+|had\s+|have\s+)?played\s+(?:a|the)\s+(?:[a-z]+\s+)?"
    rf"(?:intermediary|mediating|mediator['’]s|go-between)\s+role\b",
    # "its diplomats had quietly mediated the exchange": the speaker's own
    r"(?<![\w’'-])(?P<agent>[Ii]ts|[Tt]heir)\s+(?:diplomats|envoys|mediators|negotiators|officials)"
    r"\s+(?:had\s+|have\s+|has\s+)?(?:[a-z]+ly\s+)?(?:mediated|brokered)\b",  # ("negotiated": a
    # party's diplomats negotiate too)
    # "X had played any role in ending the dispute" (what a denial denies)
    rf"{_AGENTS_NP}\s+(?:has\s+|had\s+|have\s+)?(?:played|had)\s+any\s+role\s+in\s+(?:ending|"
    rf"mediating|brokering|securing|negotiating|bringing\s+about|(?:the\s+)?(?:[\w-]+\s+){{0,2}}?"
    rf"(?:exchange|swap|release|truce|ceasefire|deal|talks|negotiations)\b)",
    # "thanked Egypt for helping secure the truce"; then "the release was negotiated by X"
    rf"\b(?:thank(?:ed|s)?|prais(?:ed|es)|hailed|commended)\s+{_AGENTS_NP}(?:\s+[^.;,]{{1,30}}?)?"
    rf"\s+for\s+(?!(?:its|their|his|her)\s+(?:role|help|efforts)\s+in\s+(?!(?:[\w'’-]+\s+){{0,3}}?"
    rf"(?:broker|mediat|secur|negotiat|reach|end|bring|talks|the\s+(?:deal|truce|ceasefire|"
    rf"release|swap|accord|agreement|talks))))(?:(?!humanitarian|"
    rf"financial|military|medical|economic)[\w’'-]+\s+){{0,5}}?(?:help(?:ing)?|mediation|mediating|"
    rf"efforts|role|brokering|leadership\s+in\s+(?:securing|brokering|reaching))\b",
    rf"\b(?:was|were|been|being)\s+(?:mediated|brokered|arranged|negotiated|secured)\s+"
    rf"(?:entirely\s+|solely\s+|largely\s+|jointly\s+)?by\s+{_AGENTS_NP}",
    # "the agreement, brokered by the US and France, came into force": set off by a comma
    rf",\s+(?:(?:jointly|partly)\s+)?(?:mediated|brokered|negotiated)\s+by\s+{_AGENTS_NP}",
    rf"\b(?:talks|negotiations)\s+(?:were\s+|was\s+)?(?:mediated|brokered|facilitated)\s+by\s+"
    rf"{_AGENTS_NP}",
    # "a truce brokered by Kazhan", "a corridor negotiated by the Orrin Relief Committee"
    rf"\b(?:deal|truce|ceasefire|cease-fire|agreement|accord|swap|exchange|corridor|release|"
    rf"treaty|pact|settlement)\s+(?:[\w-]+\s+){{0,2}}?(?:mediated|brokered)\s+by\s+{_AGENTS_NP}",
    # (not "the swap negotiated by Doria and Kamber": the parties)
    # "through the good offices of the Kellan Order", "mediation led by Prime Minister Arkwright"
    rf"\bgood\s+offices\s+of\s+{_AGENTS_NP}",
    rf"\bmediation\s+(?:led|chaired|run|convened)\s+by\s+{_AGENTS_NP}",
    rf"\b(?:talks|negotiations)\s+(?:chaired|convened)\s+by\s+{_AGENTS_NP}",  # (not "hosted by":
    # a host; nor "led by Kamber's foreign minister": a party's delegation)
    # "the Sultanate of Meridal, acting as sole mediator, persuaded both armies"
    rf"{_AGENTS_NP},\s+(?:acting|serving)\s+as\s+(?:the\s+)?(?:sole\s+|only\s+|chief\s+|"
    rf"main\s+)?(?:mediator|go-between|intermediary|broker)\b",
    # "it was the Tarsian intelligence service, not any foreign mediator, that secured it"
    rf"\b[Ii]t\s+was\s+(?:an?\s+)?(?:[a-z]+\s+)?{_AGENT_NP}(?:\s+[a-z]+){{0,2}},?\s+"
    rf"(?:(?:and\s+)?not\s+(?P<not>[^,]{{1,40}}),\s+)?"
    rf"(?:that|who)\s+(?:[a-z]+-?[a-z]+ly\s+)?"
    rf"(?:secured|brokered|negotiated|won|obtained|mediated|arranged|persuaded|convinced|"
    rf"clinched|sealed|engineered)\b",
))
# Who took part without mediating (an earlier review: "facilitated by the Red Cross" is logistics,
# no mediation): ``involved``, set only against a claim that no outsider was involved at all.
_INVOLVED_PHRASES = tuple(lazy(rx) for rx in (
    rf"\b(?:was|were|been|being)\s+facilitated\s+by\s+{_AGENTS_NP}",
    rf"{_NAMED}{_AGENTS_NP}\s+facilitators\b",
    # "the deal, which Qatar mediated and Washington supported": a supporter is named in it too
    rf"\b(?:mediated|brokered)\s+and\s+{_AGENT_NP}\s+(?:supported|backed)\b",
    # (not "the rebels, who were backed by Tessary": a side's backer)
))
_INVOLVEMENT = lazy(r"\binvolv", re.I)  # a denial of any outsider's involvement
_MEDIATED_PEACE = lazy(
    rf"{_AGENT_NP}[- ](?:brokered|mediated|backed|negotiated|led)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?(?P<out>{PEACE})")
_PEACE_I = lazy(PEACE, re.I)
# An end to fighting told as a happening: "the fighting ended", "his call ended the war", "a
# halt in hostilities" (what a mediator may be credited with; not in ``PEACE``, which the
# asking frames share).
_ENDED = lazy(r"\b(?:(?:fighting|war|hostilities|clashes)\s+(?:had\s+|has\s+|was\s+|were\s+)?"
                    r"(?:been\s+)?ended|"
                    r"end(?:ed|s|ing)?\s+the\s+(?:[\w-]+\s+)?(?:war|fighting|hostilities|clashes)|"
                    r"stop(?:ping|ped|s)?\s+"
                    r"(?:the\s+)?(?:[\w-]+\s+)?(?:firing|fighting|hostilities|war|conflict)|(?:agreed|decided)\s+to\s+"
                    r"stop\s+(?:the\s+)?fighting|halt\s+in\s+"
                    r"(?:the\s+)?(?:fighting|hostilities|attacks))\b", re.I)
_MEDIATION_WORD = lazy(r"\bmediat(?:or|ors|ion|ed|ing)\b", re.I)
_GATE = Gate(_MEDIATED_PEACE, _ENDED, *_MEDIATOR_PHRASES, *_INVOLVED_PHRASES, _NO_THIRD,
             *_NOT_MEDIATOR)  # what gives a credit


# What a denial's proposition may be when it denies an outsider ("Kordan rejected any suggestion
# of third-party involvement in the truce": the claim states "third-party involvement in the
# truce" and denies it; "denied that a third party had mediated").
_OUTSIDER = lazy(
    r"^(?:an?\s+|any\s+|the\s+)?(?:third[- ]part(?:y|ies)|third[- ]countr(?:y|ies)|outside(?:rs?)?|"
    r"foreign|external|international)\s+(?:(?:party|power|country|government|mediators?)\s+)?"
    r"(?:involvement|role|mediation|intervention|part|(?:had\s+|has\s+)?(?:mediated|brokered|"
    r"facilitated|played\s+(?:a|any)\s+(?:part|role))|(?:was|were)\s+involved)\b", re.I)


def denied_outsiders(content: str, stance: str) -> tuple[Credit, ...]:
    """"No third party" where a claim denies an outsider's part in what it names: a mediator
    credit of no one, under the outcome it speaks of, or of any when it names none."""
    m = _OUTSIDER.match(content) if stance == "denies" else None
    if m is None or _MORE_SAID.search(content, m.end()):
        return ()  # "denied that foreign intervention was planned": another claim denied
    return (Credit(_about(content) or "*", "mediator", None, m.start(), m.end()),)


# Beyond an outsider's part, a verb of its own: the denial is of that ("mediation had failed").
_MORE_SAID = lazy(r"\b(?:had|has|have|was|were|is|are|would|will|could|failed|planned|"
                        r"ended|collapsed)\b", re.I)


def _about(text: str) -> str | None:
    """What a mediator's credit in ``text`` is of: an end to fighting, a release, another
    settlement, or None."""
    return ("ceasefire" if _PEACE_I.search(text) or _ENDED.search(text)
            else "release" if _RELEASE.search(text)
            else "settlement" if _SETTLEMENT.search(text) else None)


@lru_cache(maxsize=65536)
def mediated(text: str, speaker: str | None) -> tuple[Credit, ...]:
    """The mediator credits of ``text``: named (``mediator`` with an agent) or no one (agent
    None), under the outcome it speaks of (a ceasefire, a release, another settlement)."""
    out: list[Credit] = []
    if not _GATE.opens(text):
        return ()  # no word any of its patterns needs: most claims mediate nothing
    for m in _MEDIATED_PEACE.finditer(text):
        out += credits_for("ceasefire", "mediator", m.group("agent"), m, speaker)
    about = _about(text)
    if about:  # "mediation by X", "X's efforts", "thanks to X", "X helped broker"
        for rx in _MEDIATOR_PHRASES:
            for m in rx.finditer(text):
                who = m.group("agent") or m.groupdict().get("pronoun")
                if PRONOUN.fullmatch(who) and not speaker:
                    continue  # "his intervention", told by no one: whose is not known
                out += credits_for(about, "mediator", who, m, speaker)
                if m.groupdict().get("not") and m.group("not")[:1].isupper():
                    out += credits_for(about, "not-mediator", m.group("not"), m, speaker)
        for rx in _INVOLVED_PHRASES:  # "the swap was facilitated by the Red Cross"
            for m in rx.finditer(text):
                out += credits_for(about, "involved", m.group("agent"), m, speaker)
        for m in _NO_THIRD.finditer(text):
            out.append(Credit(about, "mediator", None, m.start(), m.end()))
            if _INVOLVEMENT.search(text, m.start(), m.end() + 20):  # "no third party was involved"
                out.append(Credit(about, "involved", None, m.start(), m.end()))
    # "Kenya had not been involved": not Kenya; where the claim names no outcome but speaks of
    # mediation ("the only mediator in the standoff was the UN's team"), of any outcome
    denied_of = about or ("*" if _MEDIATION_WORD.search(text) else None)
    if denied_of:
        for rx in _NOT_MEDIATOR:
            for m in rx.finditer(text):
                who = m.group("agent") or m.groupdict().get("pronoun")
                out += credits_for(denied_of, "not-mediator", who, m, speaker)
    return tuple(out)
