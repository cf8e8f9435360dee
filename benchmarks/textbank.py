"""Word and sentence banks for the synthetic folder generator (`generate.py`).

Plain therapy-homework language: no colons or `#`, so most values stay plain YAML scalars,
the way people write them by hand. Nothing here is real client data.
"""

from __future__ import annotations

EMOTIONS = [
    "sad", "anxious", "tired", "calm", "irritable", "hopeful", "lonely", "content",
    "ashamed", "guilty", "frustrated", "relieved", "restless", "flat", "proud", "worried",
]  # fmt: skip

TRAPS = [
    "all-or-nothing", "overgeneralization", "mental-filter", "disqualifying-the-positive",
    "mind-reading", "fortune-telling", "catastrophizing", "emotional-reasoning",
    "should-statements", "labeling", "personalization",
]  # fmt: skip

SITUATIONS = [
    "Team meeting ran late and my manager looked annoyed",
    "Woke up at 4 and could not get back to sleep",
    "Friend did not reply to my message all day",
    "Sunday evening, thinking about the week ahead",
    "Phone call with my mother about the holidays",
    "Sat alone in the canteen at lunch",
    "Got feedback on the report from my supervisor",
    "Missed the bus and arrived late to work",
    "Scrolling social media in bed",
    "Partner was quiet at dinner",
    "Crowded supermarket on Saturday morning",
    "Forgot to reply to an important email",
    "Walked past the gym I used to go to",
    "Waiting for test results from the GP",
    "Cancelled plans with friends again",
    "Presentation in front of the whole department",
]  # fmt: skip

HOT_THOUGHTS = [
    "I am going to get fired", "Everyone thinks I am boring", "I always mess things up",
    "Something terrible is going to happen", "I will never get better",
    "They are angry with me", "I should be coping better than this",
    "If I cannot sleep tonight tomorrow will be a disaster", "I am a failure",
    "Nobody actually wants me there", "I will panic and make a fool of myself",
    "It is all my fault",
]  # fmt: skip

EVIDENCE_FOR = [
    "My manager frowned during the meeting", "I made a mistake last month",
    "I felt my heart racing", "She took hours to reply", "I have felt like this before",
    "I did not finish everything on my list", "Someone laughed when I spoke",
]  # fmt: skip

EVIDENCE_AGAINST = [
    "My last review was positive", "She replied later and was friendly",
    "I have coped with worse days than this", "The frown was about the budget, not me",
    "Two people asked me to join them next week", "I finished the most important task",
    "Nobody else mentioned it", "I slept badly before and still managed the day",
    "Feeling anxious is not the same as being in danger",
    "I have had three good days this week",
]  # fmt: skip

BALANCED = [
    "One mistake does not mean I will lose my job",
    "People are busy and a late reply is usually not about me",
    "I can cope with a tired day, I have done it many times",
    "I do not know what they think, and the evidence is mixed at worst",
    "Progress is slow but it is there when I look at the records",
    "Anxiety peaks and passes even if I stay",
    "I am doing my best with a hard situation",
]  # fmt: skip

EXPERIMENTS = [
    (
        "If I say I do not understand, people will think I am stupid",
        "Colleagues will look at me with contempt",
        "Ask one question in the Tuesday meeting",
        ["rehearsing the question", "avoiding eye contact"],
    ),
    (
        "If I do not check the stove three times the flat will burn down",
        "I will not be able to stop thinking about it and something will happen",
        "Check once, leave, and note the anxiety every hour",
        ["checking again", "asking my partner to check"],
    ),
    (
        "If my heart races I am having a heart attack",
        "I will collapse if I run up the stairs",
        "Run up the stairs twice at work",
        ["sitting down straight away", "carrying water"],
    ),
    (
        "If I leave a gap in the conversation people will think I am weird",
        "They will walk away",
        "Let silences happen at the party",
        ["preparing topics", "drinking to relax"],
    ),
    (
        "If I say no to extra work my manager will be angry",
        "She will be cold with me all week",
        "Decline the Friday task politely",
        ["over-apologising"],
    ),
]  # fmt: skip

OUTCOMES = [
    "Nothing bad happened and the anxiety dropped after about ten minutes",
    "One person looked surprised but the conversation went on",
    "It was uncomfortable at first, then fine",
    "Partly true, I felt awkward, but nobody reacted the way I predicted",
    "It was much easier than I expected",
    "The feared outcome did happen a little and I coped with it",
]  # fmt: skip

LEARNED = [
    "The anxiety is loud but it is not a good predictor",
    "I can tolerate uncertainty for longer than I thought",
    "People are less focused on me than I assume",
    "Doing it without the safety behaviour taught me more",
    "Planning small steps makes it doable",
    "Even on bad days a little activity lifts my mood",
    "Avoiding it keeps the fear going",
]  # fmt: skip

EXPOSURE_STEPS = [
    "Stand in the supermarket queue for five minutes",
    "Take the bus two stops",
    "Take the bus into town at rush hour",
    "Sit in the middle of a full cafe",
    "Touch the door handle and do not wash for an hour",
    "Eat lunch with colleagues",
    "Make a phone call in an open office",
    "Drive on the motorway for one junction",
]  # fmt: skip

FEARED = [
    "I will have a panic attack and faint", "People will stare at me",
    "I will get ill", "I will lose control", "I will not be able to get out",
]  # fmt: skip

SAFETY_BEHAVIOURS = [
    "holding my phone", "sitting near the exit", "sipping water", "distracting myself",
    "checking my pulse", "asking for reassurance", "hand sanitiser",
]  # fmt: skip

ACTIVITIES = [
    "Walk in the park", "Cooked a proper dinner", "Called my sister", "Tidied the kitchen",
    "Answered emails", "Went to the gym", "Read a novel", "Gardening", "Played guitar",
    "Food shopping", "Watched a film with friends", "Laundry", "Yoga class",
    "Paid the bills", "Coffee with a colleague", "Bike ride", "Worked on the CV",
    "Lay on the sofa", "Took the dog out", "Did the crossword",
]  # fmt: skip

FOODS = [
    "Porridge with banana", "Toast and peanut butter", "Chicken salad sandwich",
    "Pasta with tomato sauce", "Apple and a yoghurt", "Rice, dal and vegetables",
    "Crisps and chocolate", "Soup and bread", "Cereal with milk", "Fish, potatoes and peas",
    "Biscuits and tea", "Leftover pizza", "Omelette and salad", "Stir fry with noodles",
]  # fmt: skip

PLACES = ["kitchen table", "desk at work", "sofa", "cafe", "car", "canteen", "bedroom"]

EATING_CONTEXT = [
    "Planned meal, felt ok", "Rushed between meetings", "Felt full and a bit anxious",
    "Ate with my partner and we talked", "Was bored and alone", "After an argument",
    "Hungry after skipping lunch", "Relaxed, took my time",
]  # fmt: skip

SKILLS = ["worry-time", "progressive-relaxation", "mindfulness", "unhooking", "breathing"]

READINGS = [
    ("Understanding the anxiety curve", "Clinic handout"),
    ("Sleep hygiene and stimulus control", "Clinic handout"),
    ("The CBT model of depression", "Mind Over Mood, chapter 2"),
    ("Thinking traps", "Feeling Good, chapter 3"),
    ("Why avoidance keeps fear going", "Clinic handout"),
    ("Regular eating", "Overcoming Binge Eating, chapter 8"),
    ("Behavioural activation basics", "Clinic handout"),
    ("Worry and uncertainty", "Overcoming Worry, chapter 4"),
]  # fmt: skip

QUESTIONS = [
    "How long should I keep the sleep diary", "Is it normal that thought records feel forced",
    "What do I do when the anxiety does not go down", "Can we talk about my mother",
    "Should I keep going with the exposure hierarchy", "How do I plan for the holidays",
    "What counts as a binge", "Why does my mood drop on Sundays",
]  # fmt: skip

BARRIERS = [
    "forgot", "too tired", "busy at work", "felt pointless", "kids were ill",
    "travelling", "low mood", "did not have the handout", "anxiety too high",
]  # fmt: skip

WENT_WELL = [
    "Kept the diary every day", "Went to the party and stayed two hours",
    "Slept better most nights", "Did the exposure steps I planned",
    "Said no at work without apologising", "Ate regularly for five days",
]  # fmt: skip

HARD = [
    "Sunday evening again", "The week at work was relentless",
    "Could not face the exposure on Thursday", "Lots of worry about money",
    "Argument with my partner", "Slept badly after the late shift",
]  # fmt: skip

NOTE_TITLES = [
    "Thoughts after the session", "A better day", "Rough night", "Things to remember",
    "Anniversary of dad", "Work stress", "Weekend away", "Small wins",
]  # fmt: skip

MEDICATION = ["none", "none", "none", "sertraline 50 mg", "melatonin 2 mg"]

TAGS = ["work", "family", "weekend", "social", "health", "home", "morning", "evening"]

GOALS = [
    ("sleep-through", "Sleep through most nights"),
    ("back-to-work", "Return to work full time"),
    ("see-friends", "See friends at least once a week"),
    ("less-worry", "Spend less of the day worrying"),
    ("regular-eating", "Eat three meals and two snacks a day"),
    ("take-the-bus", "Use public transport without panic"),
    ("exercise", "Exercise twice a week"),
    ("speak-up", "Speak up in meetings"),
    ("drive-again", "Drive on the motorway again"),
    ("enjoy-weekends", "Enjoy weekends again"),
]  # fmt: skip

BODY_SENTENCES = [
    "Felt heavier than usual this morning.", "The walk helped more than I expected.",
    "Noticed the urge to check my phone again.", "I wrote this on the bus home.",
    "Hard to get started but once I did it was fine.", "Bit of a headache all afternoon.",
    "Talked it through with J and felt lighter.", "The worry came back around 3 pm.",
    "I used the breathing exercise for five minutes.", "Want to bring this up next session.",
    "Not sure I rated this right.", "Energy was better after lunch.",
    "It was raining so I stayed in.", "Remembered what we said about *small steps*.",
    "Caught myself mind-reading again.", "Really proud of this one.",
    "The kids were up early so everything was rushed.", "Ended up going to bed late.",
    "Not much to say, an ordinary day.", "Could feel the tension in my shoulders.",
    "Left the house without checking twice.", "Skipped the safety behaviour this time.",
    "Mood dipped in the evening as usual.", "I think the medication is helping a bit.",
]  # fmt: skip

BULLETS = [
    "what helped", "what got in the way", "try earlier in the day", "ask about this",
    "tell T about the weekend", "keep the diary by the bed", "plan for Friday",
]  # fmt: skip

HW_SPECIFICS = [
    "Every evening after dinner, at the kitchen table",
    "Straight after waking, before checking the phone",
    "In the lunch break at work, ten minutes",
    "Whenever the mood drops by two points or more",
    "Monday, Wednesday and Friday after the school run",
    "At the time we planned in the diary, wherever I am",
]  # fmt: skip

HW_RATIONALE = [
    "To see the pattern between what I do and how I feel",
    "Writing it down slows the thought enough to question it",
    "Avoidance keeps the fear going; approaching it lets it fade",
    "A regular rhythm helps mood and sleep",
    "Practice makes the skill available when it is needed",
    "We need the numbers to see whether the plan is working",
]  # fmt: skip

HW_OBSTACLES = [
    "Forgetting on busy days", "Feeling too low to start", "Late shifts",
    "Thinking it will not help", "The children needing me in the evening",
]  # fmt: skip

HW_PLANS = [
    "Set a phone reminder", "Keep the sheet by the kettle", "Do a two-minute version",
    "Ask my partner to remind me", "Pair it with the morning coffee",
]  # fmt: skip
