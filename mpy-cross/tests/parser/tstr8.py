x = rt"\d{a}" tr"{b}\n"
